package dev.recsys.ranking.train;

import static java.util.Objects.requireNonNull;

import dev.recsys.ranking.boost.BoostParams;
import dev.recsys.ranking.boost.BoostedTrees;
import dev.recsys.ranking.boost.LambdaMart;
import dev.recsys.ranking.data.TrainingSet;

/** LambdaMART's boosted trees as a ranker: raw features go straight into the trees. */
record BoostedRanker(BoostedTrees trees) implements FittedModel {
  BoostedRanker {
    requireNonNull(trees, "trees");
  }

  static BoostedRanker fit(TrainingSet train, BoostParams params) {
    FittedModel.requireBothLabels(train);
    return new BoostedRanker(LambdaMart.fit(train, params));
  }

  @Override
  public double predict(float[] rawValues, int row) {
    return trees.predict(rawValues, row);
  }

  @Override
  public byte[] exportOnnx() {
    return trees.toOnnx(ServingGraph.INPUT, ServingGraph.OUTPUT);
  }
}
