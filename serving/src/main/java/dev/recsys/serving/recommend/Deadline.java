package dev.recsys.serving.recommend;

import java.time.Duration;

/** A point in time ({@link System#nanoTime}) every stage of one request must finish by. */
record Deadline(long atNanos) {

  /** {@code budget} counted from {@code startNanos} ({@link System#nanoTime}). */
  public static Deadline from(long startNanos, Duration budget) {
    return new Deadline(startNanos + budget.toNanos());
  }

  public long remainingNanos() {
    return Math.max(0, atNanos - System.nanoTime());
  }

  public boolean expired() {
    return remainingNanos() == 0;
  }

  /** A share of what remains, for a stage that must leave time to the ones after it. */
  public long shareNanos(double fraction) {
    return (long) (remainingNanos() * fraction);
  }
}
