/**
 * In-process infrastructure for the default run and for integration tests: a single-node KRaft Kafka broker and a
 * Redis server on loopback, each started by one call and removed, with its files, by {@code close()}.
 */
package dev.recsys.embedded;
