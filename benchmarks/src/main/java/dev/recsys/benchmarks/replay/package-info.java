/** Replay throughput: events read back into a point-in-time training set. */
package dev.recsys.benchmarks.replay;
