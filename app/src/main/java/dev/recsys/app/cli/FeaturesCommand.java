package dev.recsys.app.cli;

import dev.recsys.app.config.ConfigException;
import dev.recsys.app.config.RecsysConfig;
import dev.recsys.features.FeaturesApp;
import dev.recsys.features.FeaturesConfig;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code recsys features}: the feature pipeline, standalone, until stopped. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = {
      "Run the feature pipeline (Kafka Streams, exactly once) into Redis, and "
          + "archive the feature log, events and catalog to Parquet under offline.dir.",
      "Start more instances with the same features.application-id to scale out."
    })
final class FeaturesCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(FeaturesCommand.class);

  @ParentCommand
  private Recsys root;

  @Override
  public Integer call() throws InterruptedException {
    RecsysConfig config = root.config();
    log.info("effective configuration:\n{}", config.describe());
    String redis = config
        .redisUri()
        .orElseThrow(() -> new ConfigException(
            List.of("redis.uri is not set: set REDIS_URI, e.g. redis://localhost:6379")));
    KafkaConnection kafka = Connections.kafkaWithTopics(config);
    FeaturesConfig features = FeaturesConfig.of(kafka, config.featuresStateDir())
        .withApplicationId(config.featuresApplicationId())
        .withSessionTimeout(config.featuresSessionTimeout())
        .withIntake(config.intake());
    try (Shutdown shutdown = Shutdown.hook();
        RedisOnlineStore store =
            RedisOnlineStore.connect(OnlineStoreConfig.of(redis, features.featureSet()));
        FeaturesApp app = FeaturesApp.start(
            features,
            Topics.named(config.topics()),
            store,
            Optional.of(config.offline()),
            new SimpleMeterRegistry())) {
      shutdown.await();
      log.info("stopping the feature pipeline ({})", app.state());
    }
    return 0;
  }
}
