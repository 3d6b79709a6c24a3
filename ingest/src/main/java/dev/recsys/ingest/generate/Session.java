package dev.recsys.ingest.generate;

import dev.recsys.schemas.avro.EventType;

/** One visit of one user, starting at {@code start} epoch millis. */
record Session(int user, UserProfile profile, String id, long start, Device device) {

  Interaction event(long at, int item, EventType type, double value) {
    return new Interaction(at, user, item, type, value, id, device);
  }
}
