package dev.recsys.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition with short, growing pauses instead of sleeping a guessed time in the test. A probe that throws
 * counts as "not yet"; if time runs out, its last exception becomes the cause of the {@link AssertionError}.
 *
 * <pre>{@code
 * Wait.until(Duration.ofSeconds(10), () -> store.get("user-1").isPresent(), () -> "user-1 features in Redis");
 * }</pre>
 */
public final class Wait {

  private static final long FIRST_PAUSE_MILLIS = 5;
  private static final long MAX_PAUSE_MILLIS = 100;

  private Wait() {}

  public static void until(
      Duration timeout, BooleanSupplier condition, Supplier<String> whatWeWaitedFor) {
    untilPresent(
        timeout,
        () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(),
        whatWeWaitedFor);
  }

  /** Returns the first value {@code probe} yields within {@code timeout}. */
  public static <T> T untilPresent(
      Duration timeout, Supplier<Optional<T>> probe, Supplier<String> whatWeWaitedFor) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pauseMillis = FIRST_PAUSE_MILLIS;
    while (true) {
      Throwable lastFailure = null;
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (RuntimeException | AssertionError e) {
        lastFailure = e;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError(
            "waited " + timeout + " for " + whatWeWaitedFor.get() + ", but it did not happen",
            lastFailure);
      }
      pause(pauseMillis, whatWeWaitedFor);
      pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
    }
  }

  private static void pause(long millis, Supplier<String> whatWeWaitedFor) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + whatWeWaitedFor.get(), e);
    }
  }
}
