package dev.recsys.features.definition;

/**
 * Orders items by their decayed trending score without re-decaying anything: every score halves
 * over the same half-life, so {@code log2(score) + updatedAt / halfLife} ranks items exactly as
 * their scores would rank at any common moment. Stores can keep it in a sorted set, written once
 * per update and never touched as time passes.
 */
public final class Trending {
  private Trending() {}

  /** The rank key of an item vector, or {@link Double#NEGATIVE_INFINITY} if it never trended. */
  public static double rank(FeatureVector item) {
    double score = item.get(FeatureNames.ITEM_TRENDING);
    if (score <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return Math.log(score) / Math.log(2)
        + (double) item.updatedAt() / Weights.TRENDING_HALF_LIFE.toMillis();
  }
}
