/** The feature pipeline end to end: events in Kafka to vectors in Redis, with exactly once on. */
package dev.recsys.benchmarks.features;
