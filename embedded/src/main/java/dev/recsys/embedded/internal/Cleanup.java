package dev.recsys.embedded.internal;

/** Undoes a half-finished start without hiding why it failed. */
public final class Cleanup {

  private Cleanup() {}

  /**
   * Runs {@code cleanup} after {@code failure}; an error from the cleanup is kept as a suppressed exception.
   *
   * @return {@code failure}, for the caller to rethrow
   */
  public static RuntimeException after(RuntimeException failure, Runnable cleanup) {
    try {
      cleanup.run();
    } catch (RuntimeException cleanupFailure) {
      failure.addSuppressed(cleanupFailure);
    }
    return failure;
  }
}
