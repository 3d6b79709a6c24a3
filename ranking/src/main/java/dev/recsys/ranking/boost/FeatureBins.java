package dev.recsys.ranking.boost;

import java.util.Arrays;

/**
 * Per-feature histogram bins: value {@code v} falls in the first bin {@code b} with
 * {@code v <= edges[b]}, or in the last bin ({@code edges.length}) above every edge. A split
 * "bin <= b" is then exactly the served test "value <= edges[b]", in float as ONNX compares.
 */
final class FeatureBins {
  private static final int SAMPLE_ROWS = 200_000;

  private final float[][] edges;

  private FeatureBins(float[][] edges) {
    this.edges = edges;
  }

  /** Bins from the quantiles of (a stride sample of) row-major {@code values}. */
  static FeatureBins fit(float[] values, int rows, int width, int maxBins) {
    int stride = Math.max(1, rows / SAMPLE_ROWS);
    int sampled = (rows + stride - 1) / stride;
    float[][] edges = new float[width][];
    float[] column = new float[sampled];
    for (int f = 0; f < width; f++) {
      int n = 0;
      for (int i = 0; i < sampled; i++) {
        float v = values[i * stride * width + f];
        if (!Float.isNaN(v)) {
          column[n++] = normal(v); // NaN is never an edge: it always goes right, as in ONNX
        }
      }
      float[] sorted = Arrays.copyOf(column, n);
      Arrays.sort(sorted);
      edges[f] = n == 0 ? new float[0] : edges(sorted, maxBins);
    }
    return new FeatureBins(edges);
  }

  private static float[] edges(float[] sorted, int maxBins) {
    float[] distinct = distinct(sorted);
    if (distinct.length <= maxBins) {
      // one bin per value; the largest needs no edge of its own
      return Arrays.copyOf(distinct, Math.max(0, distinct.length - 1));
    }
    float[] quantiles = new float[maxBins - 1];
    for (int k = 1; k < maxBins; k++) {
      quantiles[k - 1] = sorted[(int) ((long) k * sorted.length / maxBins)];
    }
    float[] edges = distinct(quantiles);
    // an edge at the maximum would leave the last bin empty
    return edges.length > 0 && edges[edges.length - 1] == sorted[sorted.length - 1]
        ? Arrays.copyOf(edges, edges.length - 1)
        : edges;
  }

  private static float[] distinct(float[] sorted) {
    float[] out = new float[sorted.length];
    int n = 0;
    for (float v : sorted) {
      if (n == 0 || Float.compare(out[n - 1], v) != 0) {
        out[n++] = v;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Row-major bin indices (unsigned bytes) of row-major {@code values}. */
  byte[] bin(float[] values, int rows) {
    int width = edges.length;
    byte[] bins = new byte[rows * width];
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < width; f++) {
        bins[r * width + f] = (byte) binOf(f, values[r * width + f]);
      }
    }
    return bins;
  }

  int binOf(int feature, float value) {
    int at = Arrays.binarySearch(edges[feature], normal(value));
    return at >= 0 ? at : -at - 1;
  }

  int width() {
    return edges.length;
  }

  int bins(int feature) {
    return edges[feature].length + 1;
  }

  /** The served threshold of the split "bin <= {@code bin}". */
  float threshold(int feature, int bin) {
    return edges[feature][bin];
  }

  /** -0 and +0 compare equal in ONNX's {@code <=} but not in a binary search: one zero only. */
  private static float normal(float v) {
    return v == 0f ? 0f : v;
  }
}
