package dev.recsys.evaluation.baselines;

/** A fitted model that scores every training item for one user's items. */
@FunctionalInterface
public interface ScoreModel {
  /** Writes a score per item column of {@link TrainingData} into {@code out} (zeroed first). */
  void score(UserRow row, float[] out);
}
