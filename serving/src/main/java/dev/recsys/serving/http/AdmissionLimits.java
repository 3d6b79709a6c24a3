package dev.recsys.serving.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How much work one class of routes may take on: at most {@code maxInFlight} requests admitted at
 * once (waiting for a worker thread or running), and none that waited longer than {@code
 * maxQueueTime} for a worker. Beyond either, a request is answered 503 at once.
 *
 * @param setting the configuration prefix these were read from, named in errors and answers
 */
public record AdmissionLimits(String setting, int maxInFlight, Duration maxQueueTime) {
  /** Recommendations, similar items and features: well inside their 100 ms deadline. */
  public static final AdmissionLimits READS =
      new AdmissionLimits("http", 64, Duration.ofMillis(20));

  /**
   * Ingest blocks its worker until Kafka acknowledges; half the default workers at most, so a
   * stalled broker cannot take the threads recommendations need.
   */
  public static final AdmissionLimits INGEST =
      new AdmissionLimits("ingest", 16, Duration.ofSeconds(1));

  public AdmissionLimits {
    requireNonNull(setting, "setting");
    requireNonNull(maxQueueTime, setting + ".max-queue-time");
    List<String> problems = new ArrayList<>();
    if (maxInFlight < 1) {
      problems.add(setting + ".max-in-flight must be >= 1, got " + maxInFlight);
    }
    if (maxQueueTime.isNegative() || maxQueueTime.isZero()) {
      problems.add(setting + ".max-queue-time must be positive, got " + maxQueueTime);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }
}
