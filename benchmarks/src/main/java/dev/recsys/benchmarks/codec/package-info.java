/** The cost of one event on the ingest path: JSON read, contract check, Avro encode/decode. */
package dev.recsys.benchmarks.codec;
