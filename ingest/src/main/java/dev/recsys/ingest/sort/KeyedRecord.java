package dev.recsys.ingest.sort;

import static java.util.Objects.requireNonNull;

/** One record to sort: its key (an event time in ms) and its bytes. */
public record KeyedRecord(long key, byte[] payload) {
  public KeyedRecord {
    requireNonNull(payload, "payload");
  }
}
