package dev.recsys.features.offline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the offline store lives and how often it writes: a partition's batch becomes a file once
 * it holds {@code maxRows} records or is {@code maxAge} old, whichever comes first.
 */
public record OfflineConfig(Path dir, int maxRows, Duration maxAge) {
  public static final int DEFAULT_MAX_ROWS = 200_000;
  public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(60);

  public OfflineConfig {
    requireNonNull(dir, "offline.dir");
    requireNonNull(maxAge, "offline.max-age");
    if (maxRows < 1) {
      throw new IllegalArgumentException("offline.max-rows must be >= 1, got " + maxRows);
    }
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("offline.max-age must be positive, got " + maxAge);
    }
  }

  public static OfflineConfig of(Path dir) {
    return new OfflineConfig(dir, DEFAULT_MAX_ROWS, DEFAULT_MAX_AGE);
  }

  public OfflineConfig withMaxAge(Duration maxAge) {
    return new OfflineConfig(dir, maxRows, maxAge);
  }

  public OfflineConfig withMaxRows(int maxRows) {
    return new OfflineConfig(dir, maxRows, maxAge);
  }

  public OfflineLayout layout() {
    return new OfflineLayout(dir);
  }
}
