package dev.recsys.embedded.internal;

import java.util.concurrent.TimeUnit;

/** Elapsed wall time for start-up and shutdown log lines. */
public record Stopwatch(long startNanos) {

  public static Stopwatch start() {
    return new Stopwatch(System.nanoTime());
  }

  public long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
