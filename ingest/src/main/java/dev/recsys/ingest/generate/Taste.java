package dev.recsys.ingest.generate;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A user's preferred categories with Dirichlet weights; popular categories are preferred by more
 * users.
 */
final class Taste {

  /** Chance that a taste spans one, two, three or four categories. */
  private static final double[] SIZE_SHARES = {0.25, 0.35, 0.25, 0.15};

  private static final int DRAWS_PER_CATEGORY = 20;

  private final int[] categories;
  private final double[] weights;
  private final double maxWeight;

  private Taste(int[] categories, double[] weights) {
    this.categories = categories;
    this.weights = weights;
    this.maxWeight = Arrays.stream(weights).max().orElse(1);
  }

  static Taste random(Catalog catalog, RandomGenerator rng) {
    int wanted = Math.min(catalog.categoryCount(), size(rng));
    int[] picked = new int[wanted];
    int found = 0;
    for (int draw = 0; found < wanted && draw < wanted * DRAWS_PER_CATEGORY; draw++) {
      int category = catalog.drawCategory(rng);
      if (Arrays.stream(picked, 0, found).noneMatch(c -> c == category)) {
        picked[found++] = category;
      }
    }
    double[] weights = new double[found];
    double sum = 0;
    for (int i = 0; i < found; i++) {
      weights[i] = rng.nextExponential();
      sum += weights[i];
    }
    for (int i = 0; i < found; i++) {
      weights[i] /= sum;
    }
    return new Taste(Arrays.copyOf(picked, found), weights);
  }

  /** A preferred category, drawn by weight. */
  int draw(RandomGenerator rng) {
    double u = rng.nextDouble();
    for (int i = 0; i < categories.length - 1; i++) {
      u -= weights[i];
      if (u < 0) {
        return categories[i];
      }
    }
    return categories[categories.length - 1];
  }

  /**
   * 1 for the favourite category, proportionally less for the other preferred ones, 0 outside the
   * taste.
   */
  double match(int category) {
    for (int i = 0; i < categories.length; i++) {
      if (categories[i] == category) {
        return weights[i] / maxWeight;
      }
    }
    return 0;
  }

  private static int size(RandomGenerator rng) {
    double u = rng.nextDouble();
    int size = 1;
    for (double share : SIZE_SHARES) {
      u -= share;
      if (u < 0) {
        return size;
      }
      size++;
    }
    return SIZE_SHARES.length;
  }
}
