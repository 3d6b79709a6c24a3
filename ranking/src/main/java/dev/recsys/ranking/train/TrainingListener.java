package dev.recsys.ranking.train;

/** Hears about training progress, e.g. to draw a bar; called on the training thread. */
@FunctionalInterface
public interface TrainingListener {
  TrainingListener NONE = stage -> {};

  /** {@code stage} starts now; {@code stage.step()} of {@code TrainingStage.values().length}. */
  void onStage(TrainingStage stage);
}
