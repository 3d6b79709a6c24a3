package dev.recsys.ingest.generate;

/**
 * Conversion rates of the session funnel for an item of average fit; items that fit the user's
 * taste convert more, others less.
 *
 * @param click share of views that are clicked
 * @param cart share of clicks that are added to the cart
 * @param purchase share of cart additions that are purchased
 * @param rating share of purchases that are rated 1–5
 */
public record FunnelRates(double click, double cart, double purchase, double rating) {

  public static final FunnelRates DEFAULT = new FunnelRates(0.30, 0.25, 0.40, 0.25);

  public FunnelRates {
    requireShare("click", click);
    requireShare("cart", cart);
    requireShare("purchase", purchase);
    requireShare("rating", rating);
  }

  private static void requireShare(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("funnel." + name + " must be in [0, 1], was " + value);
    }
  }
}
