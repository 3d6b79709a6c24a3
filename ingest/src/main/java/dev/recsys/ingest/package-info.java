/**
 * Getting events into Kafka: the Java {@link dev.recsys.ingest.EventPublisher}, and the
 * configuration of its idempotent producer.
 */
package dev.recsys.ingest;
