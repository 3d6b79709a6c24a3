package dev.recsys.ranking.train;

import dev.recsys.ranking.RankingException;
import dev.recsys.ranking.data.TrainingSet;

/** A ranker fitted in the JVM: its own scores, and the ONNX graph that serves the same. */
interface FittedModel {
  /** The score of row {@code row} of row-major raw feature values, as the trainer has it. */
  double predict(float[] rawValues, int row);

  /** The served graph: raw features {@code [N, F]} in, {@code score [N]} out. */
  byte[] exportOnnx();

  /** Refuses rows that hold one label only: no model learns a ranking from them. */
  static void requireBothLabels(TrainingSet train) {
    if (train.positives() == 0 || train.positives() == train.rows()) {
      throw new RankingException("the training rows hold only one label (" + train.positives()
          + " positives of " + train.rows() + "); replay a longer period or check the labels");
    }
  }
}
