package dev.recsys.app.cli;

import dev.recsys.app.config.RecsysConfig;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.serving.ServingApp;
import dev.recsys.serving.ServingDeps;
import dev.recsys.serving.ServingRecommendations;
import dev.recsys.serving.features.FeatureRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code recsys serve}: the HTTP API against an external Kafka. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the HTTP API (event and item ingest, online features, recommendations, "
        + "health, metrics) against KAFKA_BOOTSTRAP_SERVERS and, for features and "
        + "recommendations, REDIS_URI.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @ParentCommand
  private Recsys root;

  @Override
  public Integer call() throws InterruptedException {
    RecsysConfig config = root.config();
    log.info("effective configuration:\n{}", config.describe());
    KafkaConnection kafka = Connections.kafkaWithTopics(config);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Optional<RedisOnlineStore> store = config
        .redisUri()
        .map(uri -> RedisOnlineStore.connect(OnlineStoreConfig.of(uri, FeatureSet.CORE_V1)));
    try (Shutdown shutdown = Shutdown.hook();
        EventPublisher publisher = EventPublisher.create(
            Connections.publisher(kafka), Topics.named(config.topics()), Clock.systemUTC());
        ServingRecommendations recommendations = store
            .map(redis -> ServingRecommendations.start(
                config.serving(),
                redis,
                FeatureSet.CORE_V1,
                ModelRegistry.at(registryRoot(config.modelsDir())),
                kafka,
                Topics.named(config.topics()),
                metrics,
                Clock.systemUTC()))
            .orElse(null);
        ServingApp app = ServingApp.start(
            config.http(),
            withRecommendations(
                    withFeatures(
                        ServingDeps.ingest(publisher, config.ingest(), metrics, Clock.systemUTC()),
                        store),
                    recommendations)
                .withApiKeys(config.apiKeys()))) {
      shutdown.await();
      log.info("stopping (port {})", app.port());
    } finally {
      store.ifPresent(RedisOnlineStore::close);
    }
    return 0;
  }

  /** {@code models.dir} names the {@code models/} folder; the registry wants its parent. */
  static Path registryRoot(Path modelsDir) {
    Path absolute = modelsDir.toAbsolutePath().normalize();
    return absolute.getFileName() != null && absolute.getFileName().toString().equals("models")
        ? absolute.getParent()
        : absolute;
  }

  private static ServingDeps withRecommendations(
      ServingDeps deps, ServingRecommendations recommendations) {
    return recommendations == null ? deps : deps.withRecommendations(recommendations.routes());
  }

  private static ServingDeps withFeatures(ServingDeps deps, Optional<RedisOnlineStore> store) {
    if (store.isEmpty()) {
      log.info("redis.uri (REDIS_URI) is not set: serving ingest only, no features");
      return deps;
    }
    return deps.withFeatures(new FeatureRoutes(store.get(), FeatureSet.CORE_V1, Clock.systemUTC()));
  }
}
