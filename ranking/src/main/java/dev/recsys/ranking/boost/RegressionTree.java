package dev.recsys.ranking.boost;

import static java.util.Objects.requireNonNull;

/**
 * One fitted tree in node arrays: node {@code n} is a leaf worth {@code value[n]} when
 * {@code left[n] < 0}, else it sends a row left when {@code row[feature[n]] <= threshold[n]}
 * (NaN goes right), as ONNX's {@code BRANCH_LEQ} does. Node 0 is the root.
 */
public record RegressionTree(
    int[] feature, float[] threshold, int[] left, int[] right, double[] value) {
  public RegressionTree {
    requireNonNull(feature, "feature");
    requireNonNull(threshold, "threshold");
    requireNonNull(left, "left");
    requireNonNull(right, "right");
    requireNonNull(value, "value");
    int n = feature.length;
    if (n == 0
        || threshold.length != n
        || left.length != n
        || right.length != n
        || value.length != n) {
      throw new IllegalArgumentException("a tree needs at least one node and equal columns");
    }
  }

  public int nodes() {
    return feature.length;
  }

  public boolean isLeaf(int node) {
    return left[node] < 0;
  }

  /** The leaf value for row {@code row} of row-major raw {@code values} of {@code width}. */
  double predict(float[] values, int row, int width) {
    int n = 0;
    while (!isLeaf(n)) {
      n = values[row * width + feature[n]] <= threshold[n] ? left[n] : right[n];
    }
    return value[n];
  }
}
