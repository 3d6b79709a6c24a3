package dev.recsys.serving.recommend;

import static java.util.Objects.requireNonNull;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.Similarity;
import dev.recsys.features.store.OnlineStore;
import dev.recsys.ranking.scoring.Scorer;
import dev.recsys.serving.catalog.Catalog;
import dev.recsys.serving.rerank.RerankRules;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the recommendation service. */
public final class Recommendations {
  private Recommendations() {}

  /**
   * What the service is built from. The caller keeps owning {@code store}, {@code catalog},
   * {@code scorer}, {@code rules} and {@code impressions}; the service closes only what it makes.
   *
   * @param index empty when no index is loaded: ANN sources then propose nothing and
   *     {@link Recommender#readiness()} says so
   * @param scorer scores {@code PairFeatures.NAMES} rows, typically {@code Scorers.live(...)}
   * @param rules read on every request, e.g. a {@code RulesFile}
   */
  public record Setup(
      RecommendConfig config,
      OnlineStore store,
      Catalog catalog,
      Optional<AnnIndex> index,
      Scorer scorer,
      Supplier<RerankRules> rules,
      ImpressionLog impressions,
      MeterRegistry metrics,
      InstantSource clock) {
    public Setup {
      requireNonNull(config, "config");
      requireNonNull(store, "store");
      requireNonNull(catalog, "catalog");
      requireNonNull(index, "index");
      requireNonNull(scorer, "scorer");
      requireNonNull(rules, "rules");
      requireNonNull(impressions, "impressions");
      requireNonNull(metrics, "metrics");
      requireNonNull(clock, "clock");
    }
  }

  public static Recommender create(Setup setup) {
    GuardedStore store = new GuardedStore(setup.store(), setup.config().storeCooldown());
    AnnIndex index = setup.index().orElseGet(Recommendations::emptyIndex);
    Pipeline pipeline = new Pipeline(
        setup.config(),
        store,
        new RankingStage(setup.scorer(), setup.catalog()),
        setup.rules(),
        setup.catalog(),
        index,
        new RecommendMetrics(setup.metrics()),
        setup.clock());
    return new Service(
        pipeline,
        setup.impressions(),
        setup.index().isPresent(),
        setup.store(),
        setup.config().warmUpRequests());
  }

  private static AnnIndex emptyIndex() {
    return AnnIndex.exact(1, List.of(), List.of(), Similarity.COSINE);
  }
}
