package dev.recsys.serving.http;

/**
 * How many requests may be in flight now, between a floor and a ceiling, steered by how busy the
 * machine's CPU is. Admitted requests share the cores: once they are saturated, each added
 * request only makes every one slower, and the I/O threads that refuse the excess get no time
 * either (at five times capacity on 2 cores, 16 in flight answered at p99 128 ms, 8 at 17 ms).
 * But a request waiting on a slow store uses no CPU, and a fixed low bound would refuse
 * requests the machine has room for (8 in flight shed them with Redis 40 ms away; 16 did not).
 * So the bound shrinks by a quarter while the CPU is at or over {@value #BUSY} and grows by an
 * eighth (at least one) while it is under {@value #IDLE}. The load is smoothed (each sample half
 * of the average), so the burst of a garbage collection or a flush does not shrink it: at 1,000
 * requests/s on a machine half busy, unsmoothed 100 ms samples cut the bound often enough to
 * refuse 0.8 % of requests. And it shrinks only when the bound was reached since the last step:
 * with requests to spare, the busy CPU is the neighbours' (the broker, the feature writer, a
 * garbage collection), and a lower bound would only refuse the next burst of a light load (the
 * fault suite saw one such refusal at a quarter of capacity while Redis was stopped and events
 * arrived). Not thread-safe: one thread adjusts, others read {@link #current()}.
 */
final class AdaptiveLimit {
  static final double BUSY = 0.90;
  static final double IDLE = 0.80;

  private final int floor;
  private final int ceiling;
  private volatile int current;
  private double smoothed = Double.NaN;

  AdaptiveLimit(int floor, int ceiling) {
    if (floor < 1 || ceiling < floor) {
      throw new IllegalArgumentException(
          "need 1 <= floor <= ceiling, got floor " + floor + ", ceiling " + ceiling);
    }
    this.floor = floor;
    this.ceiling = ceiling;
    this.current = ceiling;
  }

  int current() {
    return current;
  }

  /**
   * One step, given the CPU's recent load in 0..1 (negative when unknown: no change) and the most
   * requests that were, or would have been, in flight at once since the last step.
   */
  void adjust(double cpuLoad, int demand) {
    if (cpuLoad < 0 || Double.isNaN(cpuLoad)) {
      return;
    }
    smoothed = Double.isNaN(smoothed) ? cpuLoad : (smoothed + cpuLoad) / 2;
    int limit = current;
    if (smoothed >= BUSY && demand >= limit) {
      current = Math.max(floor, limit - Math.max(1, limit / 4));
    } else if (smoothed < IDLE) {
      current = Math.min(ceiling, limit + Math.max(1, limit / 8));
    }
  }
}
