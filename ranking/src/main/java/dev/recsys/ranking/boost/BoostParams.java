package dev.recsys.ranking.boost;

/**
 * How LambdaMART grows its trees.
 *
 * @param maxTrees at most this many trees; fewer when the validation rows stop improving
 * @param learningRate shrinkage of every leaf value
 * @param maxLeaves each tree grows leaf-wise (best gain first) up to this many leaves
 * @param minRowsPerLeaf no split leaves fewer rows than this on either side
 * @param l2 ridge on leaf values (added to the hessian sum)
 * @param patience stop after this many trees without a better validation NDCG@10
 * @param validationFraction the latest share of rows, by time, held out for early stopping
 * @param maxBins histogram bins per feature, at most 256
 */
public record BoostParams(
    int maxTrees,
    double learningRate,
    int maxLeaves,
    int minRowsPerLeaf,
    double l2,
    int patience,
    double validationFraction,
    int maxBins) {

  public static final BoostParams DEFAULT = new BoostParams(500, 0.1, 31, 20, 1.0, 40, 0.1, 255);

  public BoostParams {
    if (maxTrees < 1 || maxLeaves < 2 || minRowsPerLeaf < 1 || patience < 1) {
      throw new IllegalArgumentException("maxTrees, patience and minRowsPerLeaf must be >= 1"
          + " and maxLeaves >= 2, were " + maxTrees + ", " + patience + ", " + minRowsPerLeaf
          + ", " + maxLeaves);
    }
    if (!(learningRate > 0) || !(l2 >= 0)) {
      throw new IllegalArgumentException(
          "learningRate must be > 0 and l2 >= 0, were " + learningRate + ", " + l2);
    }
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "validationFraction must be in (0, 1), was " + validationFraction);
    }
    if (maxBins < 2 || maxBins > 256) {
      throw new IllegalArgumentException("maxBins must be in [2, 256], was " + maxBins);
    }
  }

  public BoostParams withMaxTrees(int trees) {
    return new BoostParams(
        trees, learningRate, maxLeaves, minRowsPerLeaf, l2, patience, validationFraction, maxBins);
  }
}
