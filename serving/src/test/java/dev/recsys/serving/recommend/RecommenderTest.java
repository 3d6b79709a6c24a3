package dev.recsys.serving.recommend;

import static dev.recsys.serving.recommend.Fixtures.HOUR;
import static dev.recsys.serving.recommend.Fixtures.USER;
import static dev.recsys.serving.recommend.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.AnnParams;
import dev.recsys.candidates.ann.ScoredItem;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.features.store.InMemoryOnlineStore;
import dev.recsys.ranking.scoring.FeatureMatrix;
import dev.recsys.ranking.scoring.ModelNotLoadedException;
import dev.recsys.ranking.scoring.Scorer;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.serving.catalog.CatalogItem;
import dev.recsys.serving.catalog.MemoryCatalog;
import dev.recsys.serving.recommend.SwitchableStore.Mode;
import dev.recsys.serving.rerank.RepeatPurchases;
import dev.recsys.serving.rerank.RerankRules;
import dev.recsys.testkit.TestClocks;
import dev.recsys.testkit.Wait;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  /** The deadline the hanging-store test holds the service to. */
  private static final Duration DEADLINE = Duration.ofMillis(100);
  /** For every other test: generous, so a cold JVM on a shared box never skips ranking. */
  private static final Duration RELAXED = Duration.ofSeconds(2);

  private final SwitchableStore store = new SwitchableStore(new InMemoryOnlineStore());
  private final MemoryCatalog catalog = Fixtures.catalog();
  private final List<Recommendation> logged = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final List<Recommender> opened = new ArrayList<>();

  RecommenderTest() {
    store.write(Fixtures.vectors(0));
  }

  @AfterEach
  void close() {
    opened.forEach(Recommender::close);
    store.close();
  }

  private Recommender recommender(Optional<AnnIndex> index, Scorer scorer) {
    return recommender(index, scorer, RELAXED);
  }

  private Recommender recommender(Optional<AnnIndex> index, Scorer scorer, Duration deadline) {
    Recommender r = Recommendations.create(new Recommendations.Setup(
        RecommendConfig.DEFAULT.withDeadline(deadline).withStoreCooldown(Duration.ofMillis(200)),
        store,
        catalog,
        index,
        scorer,
        () -> RerankRules.DEFAULT,
        logged::add,
        metrics,
        TestClocks.FIXED));
    opened.add(r);
    return r;
  }

  private Recommender recommender() {
    return recommender(Optional.of(Fixtures.index()), Fixtures.byEventsTotal());
  }

  @Test
  void shouldRankCandidatesWithTheModelAndFillK() {
    Recommendation r = recommender().recommend(RecommendRequest.of(USER, 10));

    assertThat(r.items()).hasSize(10);
    assertThat(r.modelVersion()).isEqualTo("ranker/stub");
    assertThat(r.degraded()).isEmpty();
    assertThat(r.items())
        .extracting(RecommendedItem::rank)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(r.items())
        .extracting(RecommendedItem::score)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(r.items()).flatExtracting(i -> List.copyOf(i.sources())).contains("ann-user");
    assertThat(r.items()).extracting(RecommendedItem::itemId).doesNotContain(id(5));
  }

  @Test
  void shouldExplainWithPairFeaturesAndStageScores() {
    Recommendation r = recommender().recommend(RecommendRequest.of(USER, 3).explained());

    Explanation why = r.items().get(0).explanation().orElseThrow();
    assertThat(why.features().keySet()).containsExactlyElementsOf(PairFeatures.NAMES);
    assertThat(why.rankerScore())
        .isEqualTo(why.finalScore())
        .isEqualTo(r.items().get(0).score());
    assertThat(why.features().get("item_events_total")).isEqualTo(why.rankerScore());
  }

  @Test
  void shouldServeTheTasteSimilarityFromTheServedIndex() {
    AnnIndex index = Fixtures.index();
    Recommendation r = recommender(Optional.of(index), Fixtures.byEventsTotal())
        .recommend(RecommendRequest.of(USER, 10).explained());

    // u1 viewed i05 (weight 1) and clicked i06 (weight 2): taste = unit(u(i05) + 2 u(i06)).
    float[] taste = unit(sum(
        unit(index.vector(id(5)).orElseThrow()), 1, unit(index.vector(id(6)).orElseThrow()), 2));
    for (RecommendedItem item : r.items()) {
      float[] vector = unit(index.vector(item.itemId()).orElseThrow());
      double cosine = 0;
      for (int d = 0; d < vector.length; d++) {
        cosine += taste[d] * vector[d];
      }
      assertThat(item.explanation().orElseThrow().features().get("pair_taste_similarity"))
          .as(item.itemId())
          .isCloseTo(cosine, within(1e-5));
    }
    assertThat(r.items())
        .anyMatch(i -> i.explanation().orElseThrow().features().get("pair_taste_similarity") > 0.5);
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float[] out = new float[v.length];
    for (int d = 0; d < v.length; d++) {
      out[d] = (float) (v[d] / Math.sqrt(norm));
    }
    return out;
  }

  private static float[] sum(float[] a, float wa, float[] b, float wb) {
    float[] out = new float[a.length];
    for (int d = 0; d < a.length; d++) {
      out[d] = wa * a[d] + wb * b[d];
    }
    return out;
  }

  @Test
  void shouldServeUnknownUsersFromPopularAndNewItems() {
    Recommendation r = recommender().recommend(RecommendRequest.of("nobody", 5));

    assertThat(r.items()).hasSize(5);
    assertThat(r.degraded()).isEmpty();
    assertThat(r.items())
        .flatExtracting(i -> List.copyOf(i.sources()))
        .isSubsetOf("popular", "new");
  }

  @Test
  void shouldReturnWhatThereIsWhenKExceedsTheCatalog() {
    Recommendation r = recommender().recommend(RecommendRequest.of(USER, 500));

    assertThat(r.items())
        .hasSizeBetween(30, Fixtures.ITEMS)
        .extracting(RecommendedItem::itemId)
        .doesNotHaveDuplicates();
  }

  @Test
  void shouldRankItemsMissingFromTheStoreAsUnseen() {
    InMemoryOnlineStore partial = new InMemoryOnlineStore();
    partial.write(Fixtures.vectors(30));
    Recommender r = Recommendations.create(new Recommendations.Setup(
        RecommendConfig.DEFAULT,
        partial,
        catalog,
        Optional.of(Fixtures.index()),
        Fixtures.byEventsTotal(),
        () -> RerankRules.NONE,
        logged::add,
        metrics,
        TestClocks.FIXED));
    opened.add(r);

    Recommendation answer = r.recommend(RecommendRequest.of(USER, 40).explained());

    assertThat(answer.items()).hasSize(Fixtures.ITEMS);
    RecommendedItem unseen = answer.items().stream()
        .filter(i -> i.itemId().equals(id(39)))
        .findFirst()
        .orElseThrow();
    assertThat(unseen.explanation().orElseThrow().features())
        .containsEntry("item_seconds_since_last_event", PairFeatures.UNSEEN_SECONDS);
  }

  @Test
  void shouldAnswerFromPopularWithAnEmptyOrMissingIndex() {
    AnnIndex empty = AnnIndex.graph(Fixtures.DIMENSIONS, List.of(), List.of(), AnnParams.DEFAULT);
    for (Optional<AnnIndex> index : List.of(Optional.of(empty), Optional.<AnnIndex>empty())) {
      Recommendation r =
          recommender(index, Fixtures.byEventsTotal()).recommend(RecommendRequest.of(USER, 5));

      assertThat(r.items()).hasSize(5);
      assertThat(r.degraded()).isEmpty();
    }
  }

  @Test
  void shouldCountTheDeadlineFromWhenTheRequestArrived() {
    Recommender recommender = recommender(Optional.of(Fixtures.index()), Fixtures.byEventsTotal());
    long longAgo = System.nanoTime() - RELAXED.toNanos() - 1_000_000_000L;

    Recommendation fresh = recommender.recommend(RecommendRequest.of(USER, 5));
    Recommendation waited = recommender.recommend(
        new RecommendRequest(USER, 5, Set.of(), Optional.empty(), false, longAgo));

    assertThat(fresh.degraded()).isEmpty();
    assertThat(waited.items()).as("still an answer, in candidate order").hasSize(5);
    assertThat(waited.degraded())
        .as("waiting for a worker took the whole deadline: the ranker is skipped")
        .contains(Degraded.RANKER);
  }

  @Test
  void shouldServeCandidateOrderWhenTheRankerHasNoModel() {
    Scorer none = new FailingScorer();

    Recommendation r =
        recommender(Optional.of(Fixtures.index()), none).recommend(RecommendRequest.of(USER, 5));

    assertThat(r.items()).hasSize(5);
    assertThat(r.modelVersion()).isEqualTo("none");
    assertThat(r.degraded()).containsExactly(Degraded.RANKER);
    assertThat(metrics
            .get(RecommendMetrics.DEGRADED)
            .tag(RecommendMetrics.TAG_WHAT, "ranker")
            .counter()
            .count())
        .isEqualTo(1);
  }

  @Test
  void shouldTimeEveryStageAndCountCandidatesPerSource() {
    recommender().recommend(RecommendRequest.of(USER, 5));

    for (String stage :
        List.of("features", "candidates", "item-features", "ranking", "rerank", "total")) {
      assertThat(metrics
              .get(RecommendMetrics.STAGE)
              .tag(RecommendMetrics.TAG_STAGE, stage)
              .timer()
              .count())
          .as(stage)
          .isEqualTo(1);
    }
    assertThat(metrics
            .get(RecommendMetrics.CANDIDATES)
            .tag(RecommendMetrics.TAG_SOURCE, "popular")
            .summary()
            .totalAmount())
        .isPositive();
  }

  @Test
  void shouldDegradeWithinTheDeadlineWhileTheStoreHangsAndRecoverAfter() {
    Recommender recommender =
        recommender(Optional.of(Fixtures.index()), Fixtures.byEventsTotal(), DEADLINE);
    for (int i = 0; i < 5; i++) {
      recommender.recommend(RecommendRequest.of(USER, 10));
    }
    store.set(Mode.HANG);

    List<Recommendation> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(recommender.recommend(RecommendRequest.of(USER, 10)));
    }

    assertThat(answers).allSatisfy(r -> {
      assertThat(r.tookMs()).isLessThanOrEqualTo(DEADLINE.toMillis());
      assertThat(r.degraded()).contains(Degraded.FEATURES, Degraded.TRENDING);
      assertThat(r.items()).hasSize(10);
    });
    assertThat(answers.get(2).tookMs())
        .as("the breaker is open by the third request")
        .isLessThan(DEADLINE.toMillis() / 4);
    store.set(Mode.WORK);
    dev.recsys.testkit.Wait.until(
        Duration.ofSeconds(5),
        () -> recommender.recommend(RecommendRequest.of(USER, 10)).degraded().isEmpty(),
        () -> "recovery");
  }

  @Test
  void shouldHonourExcludedItemsAndLogEveryResponse() {
    Recommendation r = recommender()
        .recommend(
            new RecommendRequest("nobody", 5, Set.of(id(0), id(1)), Optional.of("home"), false));

    assertThat(r.items()).extracting(RecommendedItem::itemId).doesNotContain(id(0), id(1));
    assertThat(logged).containsExactly(r);
  }

  @Test
  void shouldOfferPastPurchasesAgainOnlyAfterTheRepeatInterval() {
    store.write(List.of(new FeatureVector(
        EntityKind.USER,
        "buyer",
        Fixtures.NOW,
        new TreeMap<>(),
        List.of(
            new RecentInteraction(id(30), EventType.PURCHASE, Fixtures.NOW - 40 * 24 * HOUR),
            new RecentInteraction(id(0), EventType.PURCHASE, Fixtures.NOW - HOUR)))));
    RerankRules rules = new RerankRules(List.of(RepeatPurchases.after(Duration.ofDays(30))));
    Recommender r = Recommendations.create(new Recommendations.Setup(
        RecommendConfig.DEFAULT.withDeadline(RELAXED),
        store,
        catalog,
        Optional.of(Fixtures.index()),
        Fixtures.byEventsTotal(),
        () -> rules,
        logged::add,
        metrics,
        TestClocks.FIXED));
    opened.add(r);

    Recommendation answer = r.recommend(RecommendRequest.of("buyer", 40));

    assertThat(answer.items())
        .filteredOn(i -> i.itemId().equals(id(30)))
        .singleElement()
        .satisfies(i -> assertThat(i.sources()).contains("buy-again"));
    assertThat(answer.items()).extracting(RecommendedItem::itemId).doesNotContain(id(0));
  }

  @Test
  void shouldFindSimilarAvailableItemsOnly() {
    Recommender recommender = recommender();
    List<String> before =
        recommender.similar(id(0), 5).stream().map(ScoredItem::itemId).toList();
    catalog.apply(new CatalogItem(before.get(0), Optional.empty(), false, 0));

    List<String> after =
        recommender.similar(id(0), 5).stream().map(ScoredItem::itemId).toList();

    assertThat(before).hasSize(5).doesNotContain(id(0));
    assertThat(after).hasSize(5).doesNotContain(id(0), before.get(0));
    assertThatThrownBy(() -> recommender.similar("nope", 5))
        .isInstanceOf(UnknownItemException.class);
  }

  @Test
  void shouldBeReadyOnlyWithIndexAndModelAfterAWarmUp() {
    assertThat(recommender(Optional.empty(), new FailingScorer()).readiness().missing())
        .hasSize(3)
        .anyMatch(m -> m.startsWith("index"))
        .anyMatch(m -> m.startsWith("model"));

    Recommender ready = recommender();
    assertThat(ready.readiness().missing()).singleElement().asString().startsWith("warm-up: ");
    Wait.until(
        Duration.ofSeconds(10),
        () -> ready.readiness().ready(),
        () -> "the warm-up to finish: " + ready.readiness().missing());
    assertThat(logged).as("warm-up requests are not impressions").isEmpty();
  }

  /** A live scorer before any model is promoted. */
  private static final class FailingScorer implements Scorer {
    @Override
    public float[] score(FeatureMatrix candidates) {
      throw new ModelNotLoadedException("no ranker model is loaded");
    }

    @Override
    public List<String> featureNames() {
      return PairFeatures.NAMES;
    }

    @Override
    public String modelVersion() {
      return "none";
    }

    @Override
    public void close() {}
  }
}
