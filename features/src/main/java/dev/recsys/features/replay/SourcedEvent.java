package dev.recsys.features.replay;

import static java.util.Objects.requireNonNull;

/**
 * One record of the events topic as replay reads it: where it sits, its record timestamp (the
 * time the intake rules judge it at) and its bytes, still encoded.
 */
public record SourcedEvent(int partition, long offset, long recordTimestamp, byte[] value) {
  public SourcedEvent {
    requireNonNull(value, "value");
  }
}
