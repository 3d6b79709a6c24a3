/**
 * The recsys wire contract: Avro single-object codecs that read every released schema version,
 * typed Kafka topics, and the rules every event must satisfy.
 */
package dev.recsys.schemas;
