package dev.recsys.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command stop cleanly on Ctrl-C or SIGTERM. Open it as the first resource
 * of the command's try-with-resources: the JVM's shutdown hook wakes {@link #await()} and then
 * waits until {@link #close()} runs, i.e. until every later resource has been closed.
 */
final class Shutdown implements AutoCloseable {
  private static final long MAX_CLOSE_SECONDS = 30;
  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  private Shutdown() {}

  static Shutdown hook() {
    Shutdown shutdown = new Shutdown();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(
            () -> {
              shutdown.requested.countDown();
              try {
                shutdown.closed.await(MAX_CLOSE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "recsys-shutdown"));
    return shutdown;
  }

  /** Blocks until the JVM is asked to stop. */
  void await() throws InterruptedException {
    requested.await();
  }

  @Override
  public void close() {
    closed.countDown();
  }
}
