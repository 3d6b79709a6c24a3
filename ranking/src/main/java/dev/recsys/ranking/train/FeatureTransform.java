package dev.recsys.ranking.train;

import static java.util.Objects.requireNonNull;

import dev.recsys.ranking.data.TrainingSet;

/**
 * Tames raw, skewed features: {@code t = sign(x) * log1p(|x|)}, then {@code (t - center) * scale}
 * with the training rows' mean and inverse standard deviation. The served ONNX graph computes
 * the same, so callers feed raw values.
 */
record FeatureTransform(float[] center, float[] scale) {
  private static final double MIN_STD = 1e-9;

  FeatureTransform {
    requireNonNull(center, "center");
    requireNonNull(scale, "scale");
    if (center.length != scale.length) {
      throw new IllegalArgumentException("center and scale lengths differ");
    }
  }

  static FeatureTransform fit(TrainingSet set) {
    int w = set.width();
    double[] sum = new double[w];
    double[] sumSq = new double[w];
    float[] values = set.features();
    for (int r = 0; r < set.rows(); r++) {
      for (int f = 0; f < w; f++) {
        double t = squash(values[r * w + f]);
        sum[f] += t;
        sumSq[f] += t * t;
      }
    }
    float[] center = new float[w];
    float[] scale = new float[w];
    for (int f = 0; f < w; f++) {
      double mean = sum[f] / set.rows();
      double std = Math.sqrt(Math.max(0, sumSq[f] / set.rows() - mean * mean));
      center[f] = (float) mean;
      // A column constant in training taught the model nothing: it gets no weight, so a model
      // trained before a feature existed (all zeros) ignores the values serving now computes.
      scale[f] = (float) (std < MIN_STD ? 0 : 1 / std);
    }
    return new FeatureTransform(center, scale);
  }

  /** Transforms row {@code row} of row-major {@code values}, in float like the ONNX graph. */
  double[] apply(float[] values, int row) {
    int w = center.length;
    double[] out = new double[w];
    for (int f = 0; f < w; f++) {
      float t = (float) squash(values[row * w + f]);
      out[f] = (t - center[f]) * scale[f];
    }
    return out;
  }

  static double squash(float x) {
    return Math.signum(x) * Math.log1p(Math.abs(x));
  }
}
