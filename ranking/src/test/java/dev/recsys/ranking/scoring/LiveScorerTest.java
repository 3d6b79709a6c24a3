package dev.recsys.ranking.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.ranking.registry.ModelCard;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.ranking.registry.ModelVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveScorerTest {
  private static final List<String> FEATURES = List.of("a", "b");
  private static final FeatureMatrix ROW = new FeatureMatrix(FEATURES, 1, new float[] {1f, 1f});
  private static final float SCORE_A = 0.5f; // sigmoid(1 - 1 + 0)
  private static final float SCORE_B = (float) (1 / (1 + Math.exp(-2))); // sigmoid(1 + 1 + 0)
  private static final Duration RARELY = Duration.ofHours(1);

  @TempDir
  Path root;

  private ModelRegistry registry;
  private ModelVersion a;
  private ModelVersion b;

  @BeforeEach
  void registerTwoModels() {
    registry = ModelRegistry.at(root);
    a = registry.register(
        TinyModels.card("x", FEATURES, "y"),
        TinyModels.logistic("x", "y", new float[] {1f, -1f}, 0f));
    b = registry.register(
        TinyModels.card("x", FEATURES, "y"),
        TinyModels.logistic("x", "y", new float[] {1f, 1f}, 0f));
  }

  @Test
  void shouldSwapModelsUnderConcurrentScoringWithoutErrors() throws Exception {
    registry.promote("ranker", a.version());
    try (LiveScorer live =
        Scorers.live(registry, "ranker", FEATURES, ScorerOptions.DEFAULT, RARELY)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong scored = new AtomicLong();
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      CountDownLatch started = new CountDownLatch(4);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread thread = new Thread(
            () -> {
              started.countDown();
              while (!stop.get()) {
                try {
                  float s = live.score(ROW)[0];
                  assertThat(s).isIn(SCORE_A, SCORE_B);
                  scored.incrementAndGet();
                } catch (Throwable e) {
                  errors.add(e);
                }
              }
            },
            "scorer-" + t);
        thread.start();
        threads.add(thread);
      }
      started.await();
      int swaps = 0;
      for (int i = 0; i < 40; i++) {
        registry.promote("ranker", (i % 2 == 0 ? b : a).version());
        swaps += live.refresh() ? 1 : 0;
      }
      registry.promote("ranker", b.version());
      live.refresh();
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }

      assertThat(errors).isEmpty();
      assertThat(swaps).isEqualTo(40);
      assertThat(scored.get()).isPositive();
      assertThat(live.modelVersion()).isEqualTo(b.id());
      assertThat(live.score(ROW)[0]).isEqualTo(SCORE_B);
    }
  }

  @Test
  void shouldFollowThePromotedPointerByPolling() {
    registry.promote("ranker", a.version());
    try (LiveScorer live =
        Scorers.live(registry, "ranker", FEATURES, ScorerOptions.DEFAULT, Duration.ofMillis(20))) {
      assertThat(live.score(ROW)[0]).isEqualTo(SCORE_A);

      registry.promote("ranker", b.version());

      await(() -> live.modelVersion().equals(b.id()));
      assertThat(live.score(ROW)[0]).isEqualTo(SCORE_B);
    }
  }

  @Test
  void shouldKeepServingWhenThePromotedModelBreaksTheContract() {
    ModelVersion broken = registry.register(
        TinyModels.card("x", List.of("a", "c"), "y"),
        TinyModels.logistic("x", "y", new float[] {1f, 1f}, 0f));
    registry.promote("ranker", a.version());
    try (LiveScorer live =
        Scorers.live(registry, "ranker", FEATURES, ScorerOptions.DEFAULT, RARELY)) {
      registry.promote("ranker", broken.version());

      assertThat(live.refresh()).isFalse();
      assertThat(live.modelVersion()).isEqualTo(a.id());
      assertThat(live.score(ROW)[0]).isEqualTo(SCORE_A);
    }
  }

  @Test
  void shouldSayHowToFixScoringBeforeAnyPromotion() {
    try (LiveScorer live =
        Scorers.live(registry, ModelCard.RANKER, FEATURES, ScorerOptions.DEFAULT, RARELY)) {
      assertThatThrownBy(() -> live.score(ROW))
          .isInstanceOf(ModelNotLoadedException.class)
          .hasMessageContaining("recsys models promote ranker VERSION");
    }
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }
}
