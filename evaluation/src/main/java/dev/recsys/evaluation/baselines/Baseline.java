package dev.recsys.evaluation.baselines;

import dev.recsys.evaluation.split.TemporalSplit;
import java.util.List;

/**
 * A baseline with the settings it may be tuned over: each setting is fitted on the validation
 * split's training events and the one with the best validation NDCG@10 is refitted on all of
 * the training events.
 *
 * @param <P> one setting
 */
public interface Baseline<P> {
  String name();

  /** The settings to try; one means nothing to tune. */
  List<P> grid();

  /** Fits on {@code data}, the training events of {@code split}. */
  ScoreModel fit(TrainingData data, TemporalSplit split, P setting);

  /** {@code lambda=500}. */
  String describe(P setting);
}
