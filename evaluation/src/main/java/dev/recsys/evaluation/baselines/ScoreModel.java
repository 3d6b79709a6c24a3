package dev.recsys.evaluation.baselines;

/** A fitted model that scores every training item for one training user. */
@FunctionalInterface
public interface ScoreModel {
  /** Writes a score per item column of {@link TrainingData} into {@code out} (zeroed first). */
  void score(int user, float[] out);
}
