package dev.recsys.features;

import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The feature pipeline in a JVM of its own, for {@link FeaturesCrashIT} to kill with SIGKILL.
 * Arguments: bootstrap servers, Redis URI, state dir, application id, topic prefix.
 */
public final class CrashableFeaturesMain {
  private CrashableFeaturesMain() {}

  public static void main(String[] args) throws InterruptedException {
    // A killed member must leave the group, and its open transaction abort, within seconds.
    FeaturesConfig config = FeaturesConfig.of(KafkaConnection.to(args[0]), Path.of(args[2]))
        .withApplicationId(args[3])
        .withFeatureSet(new FeatureSet("crash", 1))
        .withOverrides(Map.of(
            "consumer.session.timeout.ms",
            "6000",
            "consumer.heartbeat.interval.ms",
            "1500",
            "producer.transaction.timeout.ms",
            "10000"));
    Topics topics = Topics.named(TopicNames.DEFAULT.withPrefix(args[4]));
    RedisOnlineStore store =
        RedisOnlineStore.connect(OnlineStoreConfig.of(args[1], config.featureSet()));
    FeaturesApp.start(config, topics, store, new SimpleMeterRegistry());
    System.out.println("STARTED");
    new CountDownLatch(1).await();
  }
}
