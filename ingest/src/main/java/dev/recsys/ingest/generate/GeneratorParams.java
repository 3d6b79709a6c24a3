package dev.recsys.ingest.generate;

import java.time.Duration;
import java.time.Instant;

/**
 * What to generate: the data set covers the {@code days} days before {@code end} and is fully
 * determined by these values, {@code seed} included.
 *
 * @param users number of users
 * @param items number of catalog items
 * @param categories number of item categories, at most {@code items}
 * @param days length of the simulated period
 * @param end exclusive end of the simulated period
 * @param seed seed of the one random generator everything is drawn from
 * @param zipfExponent skew of item popularity; 0 is uniform, 1 is classic Zipf
 * @param sessionsPerUserDay mean sessions per user and day; individual users are heavy-tailed
 *     around it
 * @param funnel conversion rates of the view → click → cart → purchase → rating funnel
 */
public record GeneratorParams(
    int users,
    int items,
    int categories,
    int days,
    Instant end,
    long seed,
    double zipfExponent,
    double sessionsPerUserDay,
    FunnelRates funnel) {

  public static final int MAX_DAYS = 3_650;
  public static final double MAX_ZIPF_EXPONENT = 4;
  public static final double MAX_SESSIONS_PER_USER_DAY = 50;

  public static final int DEFAULT_USERS = 2_000;
  public static final int DEFAULT_ITEMS = 1_000;
  public static final int DEFAULT_CATEGORIES = 12;
  public static final int DEFAULT_DAYS = 28;
  public static final Instant DEFAULT_END = Instant.parse("2026-11-01T00:00:00Z");
  public static final long DEFAULT_SEED = 42;
  public static final double DEFAULT_ZIPF_EXPONENT = 1.05;
  public static final double DEFAULT_SESSIONS_PER_USER_DAY = 0.25;

  /** The demo data set: about 136k events, reproducible because {@code end} is fixed. */
  public static final GeneratorParams DEFAULT = new GeneratorParams(
      DEFAULT_USERS,
      DEFAULT_ITEMS,
      DEFAULT_CATEGORIES,
      DEFAULT_DAYS,
      DEFAULT_END,
      DEFAULT_SEED,
      DEFAULT_ZIPF_EXPONENT,
      DEFAULT_SESSIONS_PER_USER_DAY,
      FunnelRates.DEFAULT);

  public GeneratorParams {
    requirePositive("users", users);
    requirePositive("items", items);
    requireIn("categories", categories, 1, items);
    requireIn("days", days, 1, MAX_DAYS);
    if (end == null) {
      throw new NullPointerException("end must not be null");
    }
    requireIn("zipfExponent", zipfExponent, 0, MAX_ZIPF_EXPONENT);
    if (!(sessionsPerUserDay > 0 && sessionsPerUserDay <= MAX_SESSIONS_PER_USER_DAY)) {
      throw new IllegalArgumentException("sessionsPerUserDay must be in (0, "
          + MAX_SESSIONS_PER_USER_DAY
          + "], was "
          + sessionsPerUserDay);
    }
    if (funnel == null) {
      throw new NullPointerException("funnel must not be null");
    }
  }

  /** Inclusive start of the simulated period. */
  public Instant start() {
    return end.minus(Duration.ofDays(days));
  }

  /** A rough number of events these parameters produce, for sizing progress bars. */
  public long estimatedEvents() {
    double perView =
        1 + funnel.click() * (1 + funnel.cart() * (1 + funnel.purchase() * (1 + funnel.rating())));
    return Math.round(
        (double) users * days * sessionsPerUserDay * SessionSimulator.MEAN_VIEWS * perView);
  }

  public GeneratorParams withUsers(int value) {
    return new GeneratorParams(
        value, items, categories, days, end, seed, zipfExponent, sessionsPerUserDay, funnel);
  }

  public GeneratorParams withItems(int value) {
    return new GeneratorParams(
        users, value, categories, days, end, seed, zipfExponent, sessionsPerUserDay, funnel);
  }

  public GeneratorParams withCategories(int value) {
    return new GeneratorParams(
        users, items, value, days, end, seed, zipfExponent, sessionsPerUserDay, funnel);
  }

  public GeneratorParams withDays(int value) {
    return new GeneratorParams(
        users, items, categories, value, end, seed, zipfExponent, sessionsPerUserDay, funnel);
  }

  public GeneratorParams withEnd(Instant value) {
    return new GeneratorParams(
        users, items, categories, days, value, seed, zipfExponent, sessionsPerUserDay, funnel);
  }

  public GeneratorParams withSeed(long value) {
    return new GeneratorParams(
        users, items, categories, days, end, value, zipfExponent, sessionsPerUserDay, funnel);
  }

  public GeneratorParams withZipfExponent(double value) {
    return new GeneratorParams(
        users, items, categories, days, end, seed, value, sessionsPerUserDay, funnel);
  }

  public GeneratorParams withSessionsPerUserDay(double value) {
    return new GeneratorParams(
        users, items, categories, days, end, seed, zipfExponent, value, funnel);
  }

  public GeneratorParams withFunnel(FunnelRates value) {
    return new GeneratorParams(
        users, items, categories, days, end, seed, zipfExponent, sessionsPerUserDay, value);
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }

  private static void requireIn(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], was " + value);
    }
  }

  private static void requireIn(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], was " + value);
    }
  }
}
