package dev.recsys.features.definition;

import java.time.Duration;

/** The sliding windows counts are kept over, each with the bucket size it is counted in. */
public enum Window {
  H1("1h", Duration.ofHours(1), Duration.ofMinutes(1)),
  H24("24h", Duration.ofHours(24), Duration.ofHours(1)),
  D7("7d", Duration.ofDays(7), Duration.ofHours(1));

  /** Every window, in order: {@code values()} copies its array on each call, per event here. */
  static final Window[] ALL = values();

  private final String suffix;
  private final long millis;
  private final long bucketMillis;

  Window(String suffix, Duration length, Duration bucket) {
    this.suffix = suffix;
    this.millis = length.toMillis();
    this.bucketMillis = bucket.toMillis();
  }

  public String suffix() {
    return suffix;
  }

  public long millis() {
    return millis;
  }

  long bucketMillis() {
    return bucketMillis;
  }
}
