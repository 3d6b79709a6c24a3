package dev.recsys.ranking.train;

/** The steps of {@link RankerTrainer#train}, in order. */
public enum TrainingStage {
  SPLIT,
  FIT,
  EXPORT,
  EVALUATE;

  /** 1-based position, for a progress bar over {@link #values()}. */
  public int step() {
    return ordinal() + 1;
  }
}
