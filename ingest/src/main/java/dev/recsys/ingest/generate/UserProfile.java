package dev.recsys.ingest.generate;

import java.util.random.RandomGenerator;

/**
 * A simulated user.
 *
 * @param id user id such as {@code u00017}
 * @param taste preferred categories
 * @param sessionRate mean sessions per day, heavy-tailed across users
 * @param priceTier preferred price tier within a category, 0 cheapest to 1 dearest
 * @param device the device most sessions run on
 */
record UserProfile(String id, Taste taste, double sessionRate, double priceTier, Device device) {

  /** Log-normal spread of activity: a few very active users, many light ones. */
  private static final double ACTIVITY_SIGMA = 1.0;

  private static final double OTHER_DEVICE_SHARE = 0.1;

  static UserProfile random(
      String id, GeneratorParams params, Catalog catalog, RandomGenerator rng) {
    double activity =
        StrictMath.exp(ACTIVITY_SIGMA * rng.nextGaussian() - ACTIVITY_SIGMA * ACTIVITY_SIGMA / 2);
    return new UserProfile(
        id,
        Taste.random(catalog, rng),
        params.sessionsPerUserDay() * activity,
        rng.nextDouble(),
        Device.random(rng));
  }

  Device sessionDevice(RandomGenerator rng) {
    return rng.nextDouble() < OTHER_DEVICE_SHARE ? Device.random(rng) : device;
  }
}
