package dev.recsys.app.cli;

import dev.recsys.features.FeaturesApp;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/** Waits until the feature pipeline has processed everything on its input topics. */
final class FeatureCatchUp {
  private static final long POLL_MS = 200;

  private FeatureCatchUp() {}

  /** Returns once the pipeline's lag is 0 twice in a row; fails after {@code timeout}. */
  static void await(FeaturesApp pipeline, Admin admin, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lag = pipeline.lag(admin);
    while (lag > 0 || pipeline.lag(admin) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the feature pipeline is still " + lag
            + " records behind after " + timeout.toSeconds() + " s");
      }
      Thread.sleep(POLL_MS);
      lag = pipeline.lag(admin);
    }
  }
}
