package dev.recsys.serving.recommend;

import static dev.recsys.serving.recommend.Degraded.FEATURES;
import static dev.recsys.serving.recommend.Degraded.RANKER;
import static dev.recsys.serving.recommend.Degraded.TRENDING;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.ItemFilter;
import dev.recsys.candidates.ann.ScoredItem;
import dev.recsys.candidates.source.Candidates;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.store.OnlineFeatures;
import dev.recsys.serving.catalog.Catalog;
import dev.recsys.serving.rerank.RerankContext;
import dev.recsys.serving.rerank.RerankRules;
import dev.recsys.serving.rerank.Slot;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The request path: user features and trending (in parallel) → candidates → item features in
 * one round trip → one batched ranking → rules → impression. Each stage that fails or would
 * overrun the deadline is skipped and named in {@code degraded}.
 */
final class Pipeline {
  /**
   * Shares of the remaining time the store calls may wait, leaving time to later stages. The
   * user and trending reads run in parallel and share one wait.
   */
  private static final double FIRST_READS_SHARE = 0.4;

  private static final double ITEMS_SHARE = 0.6;

  private final RecommendConfig config;
  private final GuardedStore store;
  private final CandidateStage candidates;
  private final RankingStage ranking;
  private final Supplier<RerankRules> rules;
  private final Catalog catalog;
  private final AnnIndex index;
  private final RecommendMetrics metrics;
  private final InstantSource clock;
  private final AtomicReference<List<String>> lastTrending = new AtomicReference<>(List.of());

  Pipeline(
      RecommendConfig config,
      GuardedStore store,
      RankingStage ranking,
      Supplier<RerankRules> rules,
      Catalog catalog,
      AnnIndex index,
      RecommendMetrics metrics,
      InstantSource clock) {
    this.config = config;
    this.store = store;
    this.candidates = new CandidateStage(index, catalog, config);
    this.ranking = ranking;
    this.rules = rules;
    this.catalog = catalog;
    this.index = index;
    this.metrics = metrics;
    this.clock = clock;
  }

  Recommendation run(RecommendRequest request) {
    long start = System.nanoTime();
    Deadline deadline = Deadline.from(request.receivedNanos(), config.deadline());
    Set<String> degraded = new LinkedHashSet<>();
    long now = clock.millis();
    int pool = config.poolFor(request.k());
    CompletableFuture<OnlineFeatures> userCall = store.read(request.userId(), List.of());
    CompletableFuture<List<String>> trendingCall = store.trending(pool);
    long readsEnd = System.nanoTime() + deadline.shareNanos(FIRST_READS_SHARE);
    Optional<FeatureVector> user =
        await(userCall, readsEnd - System.nanoTime(), degraded).flatMap(OnlineFeatures::user);
    List<String> trending = trending(trendingCall, readsEnd - System.nanoTime(), degraded);
    long stage = lap("features", start);

    List<RecentInteraction> recent = user.map(FeatureVector::recent).orElse(List.of());
    RerankRules rules = this.rules.get();
    RerankContext context = new RerankContext(recent, now, request.k(), catalog, index::vector);
    Set<String> excluded = new HashSet<>(request.exclude());
    excluded.addAll(rules.excludes(context));
    List<String> buyAgain =
        rules.repeatPurchases().map(r -> r.buyAgain(context)).orElse(List.of());
    Candidates found =
        candidates.gather(request.userId(), recent, excluded, trending, buyAgain, pool, now);
    found.failed().forEach(source -> degraded.add(Degraded.CANDIDATES_PREFIX + source));
    found.proposed().forEach(metrics::candidates);
    stage = lap("candidates", stage);

    boolean storeFailed = degraded.contains(FEATURES);
    Map<String, FeatureVector> items = found.items().isEmpty() || storeFailed
        ? Map.of()
        : await(store.readItems(found.ids()), deadline.shareNanos(ITEMS_SHARE), degraded)
            .orElse(Map.of());
    double[][] rows =
        ranking.rows(found.items(), user, items, id -> index.vector(id).orElse(null), now);
    stage = lap("item-features", stage);
    Optional<float[]> scores =
        found.items().isEmpty() || deadline.expired() ? Optional.empty() : ranking.score(rows);
    String modelVersion = scores.isPresent() ? ranking.modelVersion() : "none";
    if (!found.items().isEmpty() && scores.isEmpty()) {
      degraded.add(RANKER);
    }
    stage = lap("ranking", stage);

    List<Slot> slate = rules.apply(Responses.slate(found.items(), scores), context);
    lap("rerank", stage);
    List<RecommendedItem> out = Responses.items(slate, request.explain(), found.items(), rows);
    degraded.forEach(metrics::degraded);
    long took = System.nanoTime() - start;
    metrics.stage("total", took);
    return new Recommendation(
        UUID.randomUUID().toString(),
        request.userId(),
        modelVersion,
        out,
        took / 1_000_000,
        now,
        List.copyOf(degraded));
  }

  List<ScoredItem> similar(String itemId, int k) {
    float[] vector = index
        .vector(itemId)
        .orElseThrow(() -> new UnknownItemException("item '" + itemId
            + "' is not in the index: it has no embedding yet or is unavailable"));
    ItemFilter others = id -> !id.equals(itemId) && catalog.available(id);
    return index.search(vector, k, others).items();
  }

  String modelVersion() {
    return ranking.modelVersion();
  }

  private List<String> trending(
      CompletableFuture<List<String>> call, long nanos, Set<String> degraded) {
    Optional<List<String>> fresh = store.await(call, Math.max(0, nanos));
    if (fresh.isPresent()) {
      lastTrending.set(fresh.get());
      return fresh.get();
    }
    degraded.add(TRENDING);
    return lastTrending.get();
  }

  private <T> Optional<T> await(CompletableFuture<T> call, long nanos, Set<String> degraded) {
    Optional<T> value = store.await(call, nanos);
    if (value.isEmpty()) {
      degraded.add(FEATURES);
    }
    return value;
  }

  private long lap(String stage, long since) {
    long now = System.nanoTime();
    metrics.stage(stage, now - since);
    return now;
  }
}
