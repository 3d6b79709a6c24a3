package dev.recsys.serving;

import static java.util.Objects.requireNonNull;

import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.batch.BatchIngestor;
import dev.recsys.ingest.http.IngestHandler;
import dev.recsys.ingest.http.IngestLimits;
import dev.recsys.ingest.http.IngestMetrics;
import dev.recsys.serving.api.RecommendRoutes;
import dev.recsys.serving.features.FeatureRoutes;
import dev.recsys.serving.http.ApiKeys;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import java.time.InstantSource;
import java.util.Optional;

/** What the HTTP routes are served by. */
public record ServingDeps(
    HttpHandler events,
    HttpHandler items,
    Optional<FeatureRoutes> features,
    Optional<RecommendRoutes> recommend,
    ApiKeys keys,
    PrometheusMeterRegistry metrics) {
  public ServingDeps {
    requireNonNull(events, "events");
    requireNonNull(items, "items");
    requireNonNull(features, "features");
    requireNonNull(recommend, "recommend");
    requireNonNull(keys, "keys");
    requireNonNull(metrics, "metrics");
  }

  /** The same, also serving online features from {@code routes}. */
  public ServingDeps withFeatures(FeatureRoutes routes) {
    return new ServingDeps(events, items, Optional.of(routes), recommend, keys, metrics);
  }

  /** The same, also serving recommendations, similar items and readiness from {@code routes}. */
  public ServingDeps withRecommendations(RecommendRoutes routes) {
    return new ServingDeps(events, items, features, Optional.of(routes), keys, metrics);
  }

  /** The same, with ingest and admin routes behind {@code apiKeys}. */
  public ServingDeps withApiKeys(ApiKeys apiKeys) {
    return new ServingDeps(events, items, features, recommend, apiKeys, metrics);
  }

  /** Ingest over {@code publisher}: events and items checked against {@code clock}. */
  public static ServingDeps ingest(
      EventPublisher publisher,
      IngestLimits limits,
      PrometheusMeterRegistry metrics,
      InstantSource clock) {
    return new ServingDeps(
        new IngestHandler(
            BatchIngestor.events(publisher, clock), limits, new IngestMetrics(metrics, "event")),
        new IngestHandler(
            BatchIngestor.items(publisher, clock), limits, new IngestMetrics(metrics, "item")),
        Optional.empty(),
        Optional.empty(),
        ApiKeys.NONE,
        metrics);
  }
}
