package dev.recsys.ranking.boost;

import dev.recsys.ranking.data.TimeSplit;
import dev.recsys.ranking.data.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits boosted trees with the LambdaMART objective: each tree is a Newton step on the lambda
 * gradients of NDCG within each group. The latest rows by time are held out and the number of
 * trees is the one with the best NDCG@10 on them, so training stops when more trees only fit
 * noise.
 */
public final class LambdaMart {
  private static final Logger log = LoggerFactory.getLogger(LambdaMart.class);
  static final int NDCG_CUTOFF = 10;

  private LambdaMart() {}

  public static BoostedTrees fit(TrainingSet set, BoostParams params) {
    TimeSplit split = set.splitByTime(params.validationFraction());
    TrainingSet train = split.train();
    TrainingSet valid = split.holdout();
    FeatureBins featureBins =
        FeatureBins.fit(train.features(), train.rows(), train.width(), params.maxBins());
    TreeGrower grower = new TreeGrower(
        featureBins.bin(train.features(), train.rows()), featureBins, train.rows(), params);
    RankingGroups trainGroups = new RankingGroups(train.labels(), train.groups());
    RankingGroups validGroups = new RankingGroups(valid.labels(), valid.groups());
    double[] trainScores = new double[train.rows()];
    double[] validScores = new double[valid.rows()];
    float[] gradient = new float[train.rows()];
    float[] hessian = new float[train.rows()];
    List<RegressionTree> trees = new ArrayList<>();
    double best = validGroups.meanNdcg(validScores, NDCG_CUTOFF);
    int bestTrees = 0;
    while (trees.size() < params.maxTrees() && trees.size() - bestTrees < params.patience()) {
      trainGroups.lambdas(trainScores, gradient, hessian);
      RegressionTree tree = grower.grow(gradient, hessian, trainScores);
      trees.add(tree);
      for (int r = 0; r < valid.rows(); r++) {
        validScores[r] += tree.predict(valid.features(), r, valid.width());
      }
      double ndcg = validGroups.meanNdcg(validScores, NDCG_CUTOFF);
      if (ndcg > best || bestTrees == 0) {
        best = ndcg;
        bestTrees = trees.size();
      }
    }
    log.info(
        "LambdaMART kept {} of {} trees: early-stopping NDCG@10 {} on {} rows (fitted on {})",
        bestTrees,
        trees.size(),
        String.format("%.4f", best),
        valid.rows(),
        train.rows());
    return new BoostedTrees(trees.subList(0, bestTrees), set.width(), best);
  }
}
