/**
 * Ingest throughput into a real broker: through the Java client, and through HTTP batches on
 * the real server, each counted against the records that reached the topic.
 */
package dev.recsys.benchmarks.ingest;
