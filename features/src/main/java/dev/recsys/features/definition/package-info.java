/**
 * Pure feature definitions: per-user and per-item state, updated by one interaction at a time in
 * event-time, and the feature values read from it. No Kafka, no Redis: the stream and replay run
 * exactly this code, so online and offline values agree.
 */
package dev.recsys.features.definition;
