package dev.recsys.features.definition;

import java.time.Duration;

/**
 * An exponentially decayed sum: each added weight halves every {@code halfLife}. Adding in any
 * order gives the same value, so late events within the grace period count exactly.
 *
 * @param value the sum as of {@code reference}
 * @param reference the time (epoch ms) the value is expressed at
 */
record DecayedScore(double value, long reference) {
  static final DecayedScore ZERO = new DecayedScore(0, Long.MIN_VALUE);

  DecayedScore add(double weight, long timestamp, Duration halfLife) {
    if (reference == Long.MIN_VALUE) {
      return new DecayedScore(weight, timestamp);
    }
    if (timestamp >= reference) {
      return new DecayedScore(value * factor(timestamp - reference, halfLife) + weight, timestamp);
    }
    return new DecayedScore(value + weight * factor(reference - timestamp, halfLife), reference);
  }

  /** The value as of {@code time}; never grows for a time before the reference. */
  double at(long time, Duration halfLife) {
    return reference == Long.MIN_VALUE
        ? 0
        : value * factor(Math.max(0, time - reference), halfLife);
  }

  private static double factor(long elapsedMillis, Duration halfLife) {
    return Math.pow(0.5, (double) elapsedMillis / halfLife.toMillis());
  }
}
