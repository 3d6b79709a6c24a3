package dev.recsys.candidates.embeddings;

import java.time.Duration;

/** Progress of a training run; {@link #NONE} ignores it. Called from the training thread. */
@FunctionalInterface
public interface TrainingListener {

  TrainingListener NONE = (iteration, iterations, elapsed) -> {};

  /** After pass {@code iteration} (1-based) of {@code iterations}. */
  void onIteration(int iteration, int iterations, Duration elapsed);
}
