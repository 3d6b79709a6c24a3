package dev.recsys.ingest.generate;

import dev.recsys.schemas.avro.ItemUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A catalog item with the hidden traits that drive the simulation.
 *
 * @param id item id such as {@code i00042}
 * @param category its category
 * @param price price, log-normal around the category median
 * @param priceTier where the price sits within its category, 0 cheapest to 1 dearest
 * @param quality hidden appeal multiplying click and cart chances, log-normal with mean 1
 * @param createdAt epoch millis it entered the catalog
 * @param unavailableAt epoch millis it left the catalog, {@link #NEVER} if it stays
 * @param tags tags from the category vocabulary
 */
record Item(
    String id,
    Category category,
    double price,
    double priceTier,
    double quality,
    long createdAt,
    long unavailableAt,
    List<String> tags) {

  static final long NEVER = Long.MAX_VALUE;
  private static final double PRICE_SIGMA = 0.5;
  private static final double QUALITY_SIGMA = 0.35;
  private static final double NEW_ITEM_SHARE = 0.15;
  private static final double NEW_ITEM_WINDOW = 0.9;
  private static final double UNAVAILABLE_SHARE = 0.03;
  private static final long CATALOG_AGE_MS = 365 * Period.DAY_MS;

  /** Scales a standard normal so that the logistic function approximates its CDF. */
  private static final double LOGISTIC_PROBIT = 1.7;

  static Item random(String id, Category category, Period period, RandomGenerator rng) {
    double z = rng.nextGaussian();
    double price = Math.max(
        0.01, Math.round(category.medianPrice() * StrictMath.exp(PRICE_SIGMA * z) * 100) / 100.0);
    double tier = 1 / (1 + StrictMath.exp(-LOGISTIC_PROBIT * z));
    double quality =
        StrictMath.exp(QUALITY_SIGMA * rng.nextGaussian() - QUALITY_SIGMA * QUALITY_SIGMA / 2);
    long createdAt = rng.nextDouble() < NEW_ITEM_SHARE
        ? period.start() + (long) (rng.nextDouble() * NEW_ITEM_WINDOW * period.length())
        : period.start() - 1 - (long) (rng.nextDouble() * CATALOG_AGE_MS);
    long firstSeen = Math.max(createdAt, period.start());
    long unavailableAt = rng.nextDouble() < UNAVAILABLE_SHARE
        ? firstSeen + (long) (rng.nextDouble() * (period.end() - firstSeen))
        : NEVER;
    return new Item(
        id, category, price, tier, quality, createdAt, unavailableAt, category.tags(rng));
  }

  boolean availableAt(long at) {
    return createdAt <= at && at < unavailableAt;
  }

  /**
   * The item's final state: unavailable items are stamped with the moment they left the catalog.
   */
  ItemUpdate toUpdate() {
    boolean available = unavailableAt == NEVER;
    return new ItemUpdate(
        id,
        category.name(),
        tags,
        price,
        available,
        Instant.ofEpochMilli(createdAt),
        Instant.ofEpochMilli(available ? createdAt : unavailableAt),
        Map.of());
  }
}
