package dev.recsys.evaluation.pointintime;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.features.store.OnlineStore;
import dev.recsys.ranking.scoring.Scorer;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.serving.catalog.Catalog;
import dev.recsys.serving.catalog.CatalogFeed;
import dev.recsys.serving.catalog.MemoryCatalog;
import dev.recsys.serving.recommend.RecommendConfig;
import dev.recsys.serving.recommend.RecommendRequest;
import dev.recsys.serving.recommend.Recommendations;
import dev.recsys.serving.recommend.RecommendedItem;
import dev.recsys.serving.recommend.Recommender;
import dev.recsys.serving.rerank.RerankRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * The serving pipeline itself (candidates, ONNX ranking, re-ranking rules) run offline: its
 * store is the replay's, its clock is the moment being asked about, and its deadline is long,
 * because an evaluation measures choices, not latency.
 */
public final class PipelineUnderTest {
  static final Duration DEADLINE = Duration.ofSeconds(30);

  private PipelineUnderTest() {}

  public static PointInTimeRecommender of(
      RecommendConfig config,
      OnlineStore store,
      Map<String, ItemUpdate> catalog,
      AnnIndex index,
      Scorer scorer,
      RerankRules rules) {
    MemoryCatalog items = Catalog.inMemory();
    catalog.values().forEach(update -> items.apply(CatalogFeed.toItem(update)));
    Moment moment = new Moment();
    Recommender recommender = Recommendations.create(new Recommendations.Setup(
        config.withDeadline(DEADLINE),
        store,
        items,
        Optional.of(index),
        scorer,
        () -> rules,
        recommendation -> {},
        new SimpleMeterRegistry(),
        moment));
    return (userId, exclude, k, time) -> {
      moment.now = time;
      return recommender
          .recommend(new RecommendRequest(userId, k, exclude, Optional.empty(), false))
          .items()
          .stream()
          .map(RecommendedItem::itemId)
          .toList();
    };
  }

  /** The clock of an evaluation: the moment of the interaction being predicted. */
  private static final class Moment implements InstantSource {
    private volatile long now;

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now);
    }
  }
}
