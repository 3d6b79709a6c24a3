package dev.recsys.ingest.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

/**
 * When sessions happen: Poisson counts per user and day, busier weekends, and a daily rhythm in UTC
 * hours.
 */
final class SessionClock {

  /** Relative session starts per UTC hour: quiet nights, a lunch bump, an evening peak. */
  private static final double[] HOURLY = {
    0.35, 0.2, 0.12, 0.1, 0.1, 0.15, 0.3, 0.55, 0.8, 0.9, 0.95, 1.0,
    1.15, 1.1, 0.95, 0.95, 1.0, 1.15, 1.35, 1.6, 1.75, 1.6, 1.15, 0.7
  };

  /** Relative activity from Monday to Sunday. */
  private static final double[] WEEKDAY = {0.95, 0.95, 0.95, 0.97, 1.03, 1.1, 1.05};

  private static final long HOUR_MS = 3_600_000L;

  /** Above this mean a Poisson count is drawn from its normal approximation. */
  private static final double NORMAL_APPROXIMATION_MEAN = 30;

  private final Period period;
  private final WeightedSampler hourOfDay;

  SessionClock(Period period) {
    this.period = period;
    int firstHour = (int) Math.floorMod(Math.floorDiv(period.start(), HOUR_MS), 24L);
    double[] weights = new double[HOURLY.length];
    for (int offset = 0; offset < weights.length; offset++) {
      weights[offset] = HOURLY[(firstHour + offset) % HOURLY.length];
    }
    this.hourOfDay = WeightedSampler.of(weights);
  }

  /** How much busier than average the day is. */
  double dayFactor(int day) {
    Instant dayStart = Instant.ofEpochMilli(period.dayStart(day));
    return WEEKDAY[dayStart.atOffset(ZoneOffset.UTC).getDayOfWeek().ordinal()];
  }

  /** A session start within the day, in epoch millis. */
  long start(int day, RandomGenerator rng) {
    return period.dayStart(day)
        + hourOfDay.sample(rng) * HOUR_MS
        + (long) (rng.nextDouble() * HOUR_MS);
  }

  static int sessions(double mean, RandomGenerator rng) {
    if (mean > NORMAL_APPROXIMATION_MEAN) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
    }
    double limit = StrictMath.exp(-mean);
    int count = 0;
    for (double product = rng.nextDouble(); product > limit; product *= rng.nextDouble()) {
      count++;
    }
    return count;
  }
}
