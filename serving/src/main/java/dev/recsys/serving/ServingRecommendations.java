package dev.recsys.serving;

import static java.util.Objects.requireNonNull;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.log.ItemFeatureFeed;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.features.store.ItemCachingStore;
import dev.recsys.features.store.OnlineStore;
import dev.recsys.ranking.registry.ModelCard;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.ranking.scoring.LiveScorer;
import dev.recsys.ranking.scoring.ScorerOptions;
import dev.recsys.ranking.scoring.Scorers;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.serving.api.RecommendRoutes;
import dev.recsys.serving.catalog.Catalog;
import dev.recsys.serving.catalog.CatalogFeed;
import dev.recsys.serving.catalog.IndexSync;
import dev.recsys.serving.catalog.MemoryCatalog;
import dev.recsys.serving.impressions.KafkaImpressionLog;
import dev.recsys.serving.recommend.ImpressionLog;
import dev.recsys.serving.recommend.RecommendConfig;
import dev.recsys.serving.recommend.RecommendMetrics;
import dev.recsys.serving.recommend.Recommendations;
import dev.recsys.serving.recommend.Recommender;
import dev.recsys.serving.rerank.RerankRules;
import dev.recsys.serving.rerank.RulesFile;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole recommendation path wired for a running server: the index from
 * {@code serving.index-dir}, the catalog following the items topic (unavailable items leave the
 * index at once and come back when available again), the promoted ranker followed live, the rules file watched, impressions to
 * Kafka. Closing it closes all of those; the online store stays the caller's.
 */
public final class ServingRecommendations implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServingRecommendations.class);
  private final Recommender recommender;
  private final MemoryCatalog catalog;
  private final List<AutoCloseable> owned;

  private ServingRecommendations(
      Recommender recommender, MemoryCatalog catalog, List<AutoCloseable> owned) {
    this.recommender = recommender;
    this.catalog = catalog;
    this.owned = owned;
  }

  /**
   * Starts everything; {@code kafka} is the Kafka holding {@code topics}, {@code store} holds
   * the features of {@code featureSet}.
   */
  public static ServingRecommendations start(
      ServingSettings settings,
      OnlineStore store,
      FeatureSet featureSet,
      ModelRegistry registry,
      KafkaConnection kafka,
      Topics topics,
      MeterRegistry metrics,
      InstantSource clock) {
    return start(settings, store, featureSet, registry, kafka, topics, metrics, clock, true);
  }

  /**
   * As {@link #start(ServingSettings, OnlineStore, FeatureSet, ModelRegistry, String, Topics,
   * MeterRegistry, InstantSource)}; without {@code logImpressions}, for batch jobs whose answers
   * no one sees.
   */
  public static ServingRecommendations start(
      ServingSettings settings,
      OnlineStore store,
      FeatureSet featureSet,
      ModelRegistry registry,
      KafkaConnection kafka,
      Topics topics,
      MeterRegistry metrics,
      InstantSource clock,
      boolean logImpressions) {
    requireNonNull(settings, "settings");
    List<AutoCloseable> owned = new ArrayList<>();
    Optional<AnnIndex> index = settings.indexDir().map(ServingRecommendations::loadIndex);
    MemoryCatalog catalog = Catalog.inMemory();
    index.ifPresent(ann -> catalog.onChange(new IndexSync(ann)));
    owned.add(CatalogFeed.start(kafka, topics.items(), catalog));
    LiveScorer scorer = Scorers.live(
        registry,
        ModelCard.RANKER,
        PairFeatures.NAMES,
        ScorerOptions.DEFAULT,
        settings.modelPoll());
    owned.add(scorer);
    Supplier<RerankRules> rules = () -> RerankRules.DEFAULT;
    if (settings.rulesFile().isPresent()) {
      RulesFile file = RulesFile.watch(settings.rulesFile().get(), settings.rulesPoll());
      owned.add(file);
      rules = file;
    }
    ImpressionLog impressions = recommendation -> {};
    if (logImpressions) {
      KafkaImpressionLog log = KafkaImpressionLog.start(
          kafka, topics.impressions(), settings.impressionBuffer(), new RecommendMetrics(metrics));
      owned.add(log);
      impressions = log;
    }
    OnlineStore reads = settings.itemCacheTtl().isZero()
        ? store
        : fedItemCache(settings, store, featureSet, kafka, topics, owned);
    Recommender recommender = Recommendations.create(new Recommendations.Setup(
        RecommendConfig.DEFAULT
            .withDeadline(settings.deadline())
            .withWarmUpRequests(settings.warmUpRequests()),
        reads,
        catalog,
        index,
        scorer,
        rules,
        impressions,
        metrics,
        clock));
    owned.add(0, recommender);
    return new ServingRecommendations(recommender, catalog, owned);
  }

  /**
   * Item features kept in memory and kept fresh by the feature log; if the log cannot be followed
   * (or falls behind), kept items expire after {@code serving.item-cache-ttl} instead.
   */
  private static OnlineStore fedItemCache(
      ServingSettings settings,
      OnlineStore store,
      FeatureSet featureSet,
      KafkaConnection kafka,
      Topics topics,
      List<AutoCloseable> owned) {
    AtomicReference<ItemFeatureFeed> feed = new AtomicReference<>();
    ItemCachingStore cache = new ItemCachingStore(
        store,
        settings.itemCacheTtl(),
        System::nanoTime,
        () -> feed.get() != null && feed.get().caughtUp());
    feed.set(ItemFeatureFeed.start(kafka, topics.featureLog(), featureSet, cache::accept));
    owned.add(feed.get());
    return cache;
  }

  private static AnnIndex loadIndex(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("serving.index-dir " + dir.toAbsolutePath()
          + " does not exist; build one with 'recsys build-index' or unset SERVING_INDEX_DIR");
    }
    long start = System.nanoTime();
    AnnIndex index = AnnIndex.load(dir);
    log.info(
        "ANN index from {}: {} items, {} dimensions, loaded in {} ms",
        dir,
        index.size(),
        index.dimensions(),
        (System.nanoTime() - start) / 1_000_000);
    return index;
  }

  public Recommender recommender() {
    return recommender;
  }

  /** The routes to pass to {@link ServingDeps#withRecommendations}. */
  public RecommendRoutes routes() {
    return new RecommendRoutes(recommender);
  }

  public Catalog catalog() {
    return catalog;
  }

  @Override
  public void close() {
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("closing {} failed", resource, e);
      }
    }
  }
}
