package dev.recsys.ingest.deadletter;

/** How many dead letters were sent back to their source topic, and how many were left. */
public record RedriveSummary(long redriven, long skipped) {}
