package dev.recsys.ranking.data;

import static java.util.Objects.requireNonNull;

/**
 * A time-based split: every holdout row is at or after {@code holdoutFromMs}, every training
 * row before it.
 */
public record TimeSplit(TrainingSet train, TrainingSet holdout, long holdoutFromMs) {
  public static final double DEFAULT_HOLDOUT_FRACTION = 0.2;

  public TimeSplit {
    requireNonNull(train, "train");
    requireNonNull(holdout, "holdout");
  }
}
