package dev.recsys.ranking.boost;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A fitted LambdaMART model: the sum of its trees' leaf values is a ranking score, served as its
 * sigmoid so every score is in (0, 1) like a classifier's (boosts multiply it). The order of a
 * request's candidates is what it means; it is not a calibrated probability.
 *
 * @param width the number of raw feature columns a row has
 * @param validationNdcg mean NDCG@10 of the early-stopping rows with {@code trees}
 */
public record BoostedTrees(List<RegressionTree> trees, int width, double validationNdcg) {
  public BoostedTrees {
    trees = List.copyOf(requireNonNull(trees, "trees"));
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1, was " + width);
    }
  }

  /** The served score of row {@code row} of row-major raw {@code values}. */
  public double predict(float[] values, int row) {
    return sigmoid(margin(values, row));
  }

  double margin(float[] values, int row) {
    double sum = 0;
    for (RegressionTree tree : trees) {
      sum += tree.predict(values, row, width);
    }
    return sum;
  }

  /** How many times each feature is split on, over all trees. */
  public int[] splitCounts() {
    int[] counts = new int[width];
    for (RegressionTree tree : trees) {
      for (int n = 0; n < tree.nodes(); n++) {
        if (!tree.isLeaf(n)) {
          counts[tree.feature()[n]]++;
        }
      }
    }
    return counts;
  }

  /** The served ONNX model: {@code input [N, width]} raw features in, {@code output [N]} out. */
  public byte[] toOnnx(String input, String output) {
    return TreeEnsembleGraph.of(this, input, output);
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
