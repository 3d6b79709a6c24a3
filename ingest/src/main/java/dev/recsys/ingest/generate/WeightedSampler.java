package dev.recsys.ingest.generate;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Draws values in proportion to fixed positive weights, by binary search over the cumulative
 * weights.
 */
final class WeightedSampler {

  private final int[] values;
  private final double[] cumulative;

  WeightedSampler(int[] values, double[] weights) {
    if (values.length != weights.length || values.length == 0) {
      throw new IllegalArgumentException(
          "need as many weights as values, and at least one of each");
    }
    this.values = values.clone();
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
  }

  /** Samples the indices {@code 0..weights.length - 1}. */
  static WeightedSampler of(double[] weights) {
    return new WeightedSampler(IntStream.range(0, weights.length).toArray(), weights);
  }

  int sample(RandomGenerator rng) {
    double x = rng.nextDouble() * cumulative[cumulative.length - 1];
    int found = Arrays.binarySearch(cumulative, x);
    int index = found >= 0 ? found + 1 : -found - 1;
    return values[Math.min(index, values.length - 1)];
  }
}
