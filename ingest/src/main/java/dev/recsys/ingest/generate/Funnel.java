package dev.recsys.ingest.generate;

import dev.recsys.schemas.avro.EventType;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Plays one item view through click, cart, purchase and rating. Each step's chance is the base rate
 * times a lift that grows with how well the item fits the user (taste category and price tier) and,
 * for click and cart, with the item's hidden quality: the signal a recommender can learn.
 */
final class Funnel {

  /** Share of the fit that comes from the category; the rest from the price tier. */
  private static final double CATEGORY_WEIGHT = 0.75;

  /** Lift for the worst fit; the best fit gets {@code LIFT_FLOOR + LIFT_RANGE}. */
  private static final double LIFT_FLOOR = 0.2;

  private static final double LIFT_RANGE = 1.3;

  /**
   * Mean lift (times quality, for click and cart) of the views, clicks and carts of the default
   * data set. Dividing by them makes the realized rates match the configured ones, although clicked
   * items fit better than viewed ones.
   */
  private static final double VIEW_LIFT = 1.18;

  private static final double CLICK_LIFT = 1.44;
  private static final double CART_LIFT = 1.35;
  private static final Delay CLICK = new Delay(2_000, 8_000);
  private static final Delay CART = new Delay(5_000, 40_000);
  private static final Delay PURCHASE = new Delay(20_000, 120_000);
  private static final Delay RATING = new Delay(30_000, 180_000);

  /** Share of a rating that comes from the item's quality; the rest from the fit. */
  private static final double QUALITY_SHARE_OF_RATING = 0.35;

  private static final double RATING_NOISE = 1.0;
  private static final double SECOND_UNIT = 0.1;
  private static final double THIRD_UNIT = 0.03;

  private final FunnelRates rates;
  private final Catalog catalog;

  Funnel(FunnelRates rates, Catalog catalog) {
    this.rates = rates;
    this.catalog = catalog;
  }

  /** Emits the view and whatever follows it; returns when the user moves on to the next item. */
  long play(Session session, int index, long at, RandomGenerator rng, Consumer<Interaction> out) {
    Item item = catalog.item(index);
    out.accept(session.event(at, index, EventType.VIEW, 1));
    double fit = fit(session.profile(), item);
    double lift = lift(fit);
    long clickAt = at + CLICK.sample(rng);
    if (!happens(item, clickAt, rates.click() * lift * item.quality() / VIEW_LIFT, rng)) {
      return at;
    }
    out.accept(session.event(clickAt, index, EventType.CLICK, 1));
    long cartAt = clickAt + CART.sample(rng);
    if (happens(item, cartAt, rates.cart() * lift * item.quality() / CLICK_LIFT, rng)) {
      out.accept(session.event(cartAt, index, EventType.ADD_TO_CART, 1));
      checkout(session, item, index, cartAt, fit, rng, out);
    }
    return clickAt;
  }

  private void checkout(
      Session session,
      Item item,
      int index,
      long cartAt,
      double fit,
      RandomGenerator rng,
      Consumer<Interaction> out) {
    long purchaseAt = cartAt + PURCHASE.sample(rng);
    if (!happens(item, purchaseAt, rates.purchase() * lift(fit) / CART_LIFT, rng)) {
      return;
    }
    out.accept(session.event(purchaseAt, index, EventType.PURCHASE, quantity(rng)));
    long ratingAt = purchaseAt + RATING.sample(rng);
    if (happens(item, ratingAt, rates.rating(), rng)) {
      out.accept(session.event(ratingAt, index, EventType.RATING, stars(fit, item, rng)));
    }
  }

  /**
   * 0 for an unwanted category at the opposite price tier, 1 for the favourite category at the
   * preferred tier.
   */
  private static double fit(UserProfile user, Item item) {
    double priceFit = 1 - Math.abs(user.priceTier() - item.priceTier());
    return CATEGORY_WEIGHT * user.taste().match(item.category().index())
        + (1 - CATEGORY_WEIGHT) * priceFit;
  }

  private static double lift(double fit) {
    return LIFT_FLOOR + LIFT_RANGE * fit;
  }

  private static boolean happens(Item item, long at, double chance, RandomGenerator rng) {
    return item.availableAt(at) && rng.nextDouble() < chance;
  }

  private static double quantity(RandomGenerator rng) {
    double u = rng.nextDouble();
    return u < THIRD_UNIT ? 3 : u < SECOND_UNIT ? 2 : 1;
  }

  /** One to five stars, mostly from the fit, partly from the item's quality. */
  private static double stars(double fit, Item item, RandomGenerator rng) {
    double quality = item.quality() / (1 + item.quality());
    double appeal = (1 - QUALITY_SHARE_OF_RATING) * fit + QUALITY_SHARE_OF_RATING * quality;
    return Math.max(1, Math.min(5, Math.round(1 + 4 * appeal + RATING_NOISE * rng.nextGaussian())));
  }
}
