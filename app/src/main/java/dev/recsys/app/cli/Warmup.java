package dev.recsys.app.cli;

import dev.recsys.serving.recommend.Readiness;
import dev.recsys.serving.recommend.Recommender;
import java.time.Duration;
import java.util.function.Consumer;

/** Waits for the warm-up that {@code /readyz} waits for, saying what it waits for. */
final class Warmup {
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  private Warmup() {}

  /** After {@link #TIMEOUT} it goes on and says what is still missing. */
  static void await(Recommender recommender, Consumer<String> say) throws InterruptedException {
    Stopwatch waited = new Stopwatch();
    say.accept("warming up the request path ...");
    long giveUp = System.nanoTime() + TIMEOUT.toNanos();
    Readiness readiness = recommender.readiness();
    while (!readiness.ready() && System.nanoTime() - giveUp < 0) {
      Thread.sleep(100);
      readiness = recommender.readiness();
    }
    say.accept(
        readiness.ready()
            ? "warmed up (" + waited.lap() + ")"
            : "not ready after " + waited.lap() + ": " + String.join("; ", readiness.missing()));
  }
}
