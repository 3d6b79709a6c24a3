package dev.recsys.serving.recommend;

/**
 * Each candidate source's guaranteed share of the pool (0..1); leftover slots go to whichever
 * sources have more, in this order: buy-again, ANN by user, item-to-item, popular, new.
 *
 * <p>Buy-again proposes only what the repeat policy allows again, so where repeats are excluded
 * (the default rules) its share goes to the others. Where they are allowed, a fifth of the pool
 * lets the ranker weigh the user's recent purchases against new items: on the Online Retail
 * validation split (docs/QUALITY.md) a 5 % share scored NDCG@10 0.2432 with repeats allowed, a
 * 20 % share 0.2725.
 */
public record SourceQuotas(
    double buyAgain, double annUser, double itemToItem, double popular, double newItems) {
  public static final SourceQuotas DEFAULT = new SourceQuotas(0.20, 0.30, 0.25, 0.15, 0.10);

  public SourceQuotas {
    double sum = 0;
    for (double share : new double[] {buyAgain, annUser, itemToItem, popular, newItems}) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("each source quota must be within 0..1, got " + share);
      }
      sum += share;
    }
    if (sum > 1.0001) {
      throw new IllegalArgumentException("source quotas must add up to at most 1, got " + sum);
    }
  }

  static int slots(double share, int pool) {
    return (int) Math.round(share * pool);
  }
}
