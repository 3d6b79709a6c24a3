package dev.recsys.serving.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How much work one class of routes may take on: at most {@code maxInFlight} requests admitted at
 * once (waiting for a worker thread or running), fewer while the CPU is saturated (down to {@code
 * minInFlight}, see {@link AdaptiveLimit}), and none that waited longer than {@code maxQueueTime}
 * for a worker. Beyond either, a request is answered 503 at once.
 *
 * @param setting the configuration prefix these were read from, named in errors and answers
 */
public record AdmissionLimits(
    String setting, int maxInFlight, int minInFlight, Duration maxQueueTime) {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /**
   * Recommendations, similar items and features: 8 per core in flight while the CPU has room, down
   * to 2 per core while it is saturated; 50 ms at most waiting for a worker. At 16 per core, the
   * requests admitted in the first 100 ms of a burst, before the bound had shrunk, answered in up
   * to 100 ms; at 20 ms, a garbage collection or a busy neighbour between arrival and dispatch
   * refused single requests on a machine with room (docs/RELIABILITY.md has the measurements).
   */
  public static final AdmissionLimits READS =
      new AdmissionLimits("http", 8 * CORES, 2 * CORES, Duration.ofMillis(50));

  /**
   * Ingest blocks its worker until Kafka acknowledges; half the default workers at most, so a
   * stalled broker cannot take the threads recommendations need.
   */
  public static final AdmissionLimits INGEST =
      new AdmissionLimits("ingest", 16, 4, Duration.ofSeconds(1));

  public AdmissionLimits {
    requireNonNull(setting, "setting");
    requireNonNull(maxQueueTime, setting + ".max-queue-time");
    List<String> problems = new ArrayList<>();
    if (maxInFlight < 1) {
      problems.add(setting + ".max-in-flight must be >= 1, got " + maxInFlight);
    }
    if (minInFlight < 1 || minInFlight > Math.max(1, maxInFlight)) {
      problems.add(setting + ".min-in-flight must be within 1.." + setting + ".max-in-flight ("
          + maxInFlight + "), got " + minInFlight);
    }
    if (maxQueueTime.isNegative() || maxQueueTime.isZero()) {
      problems.add(setting + ".max-queue-time must be positive, got " + maxQueueTime);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** A fixed bound: {@code maxInFlight} whatever the CPU does. */
  public static AdmissionLimits fixed(String setting, int maxInFlight, Duration maxQueueTime) {
    return new AdmissionLimits(setting, maxInFlight, maxInFlight, maxQueueTime);
  }
}
