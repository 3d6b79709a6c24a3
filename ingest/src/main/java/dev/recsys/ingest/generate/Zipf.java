package dev.recsys.ingest.generate;

import java.util.random.RandomGenerator;

/**
 * Zipf popularity: the element of rank r weighs {@code 1 / r^exponent}, with ranks dealt out at
 * random.
 */
final class Zipf {

  private Zipf() {}

  static double[] shuffledWeights(int size, double exponent, RandomGenerator rng) {
    double[] weights = new double[size];
    for (int rank = 0; rank < size; rank++) {
      weights[rank] = StrictMath.pow(rank + 1, -exponent);
    }
    for (int i = size - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      double swap = weights[i];
      weights[i] = weights[j];
      weights[j] = swap;
    }
    return weights;
  }
}
