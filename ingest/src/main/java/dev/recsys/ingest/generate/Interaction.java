package dev.recsys.ingest.generate;

import dev.recsys.schemas.avro.EventType;

/**
 * A simulated event before it gets its id and Avro form; users and items are catalog and profile
 * indices.
 */
record Interaction(
    long at, int user, int item, EventType type, double value, String sessionId, Device device) {}
