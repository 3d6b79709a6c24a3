package dev.recsys.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.app.config.RecsysConfig;
import dev.recsys.app.config.Settings;
import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.features.FeaturesApp;
import dev.recsys.features.FeaturesConfig;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.testkit.UserOrderedRatings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that asks every client for a SASL/PLAIN login: with {@code kafka.properties.*} set,
 * {@code recsys ingest}, the feature pipeline, {@code recsys skew} and {@code recsys replay} all
 * get through (admin, producer, Kafka Streams, consumers); with a wrong password the command
 * fails naming the authentication.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSecurityIT {
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required "
          + "username=\"recsys\" password=\"%s\";";

  private final EmbeddedKafka kafka = EmbeddedKafka.startWithSaslPlain("recsys", "s3cret");
  private final EmbeddedRedis redis = EmbeddedRedis.start();

  @TempDir
  Path dir;

  @AfterAll
  void close() {
    redis.close();
    kafka.close();
  }

  @Test
  void everyClientShouldLogInWithTheConfiguredSettings() throws Exception {
    Path ratings = UserOrderedRatings.write(dir.resolve("ratings.csv"), 40, 2_000, 3);
    String config = config("s3cret");

    String ingested = ingest(0, config, ratings);
    assertThat(ingested).contains("2,000");

    RecsysConfig loaded = RecsysConfig.load(Settings.of(Map.of(), Optional.of(Path.of(config))));
    KafkaConnection login = loaded.kafka().orElseThrow();
    assertThat(login.settings()).containsEntry("security.protocol", "SASL_PLAINTEXT");
    FeaturesConfig features = FeaturesConfig.of(login, loaded.featuresStateDir())
        .withApplicationId(loaded.featuresApplicationId());
    try (RedisOnlineStore store =
            RedisOnlineStore.connect(OnlineStoreConfig.of(redis.uri(), FeatureSet.CORE_V1));
        FeaturesApp app = FeaturesApp.start(
            features,
            Topics.named(loaded.topics()),
            store,
            Optional.of(loaded.offline()),
            new SimpleMeterRegistry())) {
      String skew = CliRun.run(0, "--config", config, "skew");
      assertThat(skew)
          .containsPattern("[1-9]\\d* users and [1-9]\\d* items compared")
          .contains("0 missing online: no skew");
    }

    String replay = CliRun.run(
        0, "--config", config, "replay", "--out", dir.resolve("training").toString());
    assertThat(replay).contains("2,000");
  }

  @Test
  void aWrongPasswordShouldFailNamingTheAuthentication() throws IOException {
    Path ratings = UserOrderedRatings.write(dir.resolve("ratings.csv"), 5, 50, 3);

    String failed = ingest(1, config("n0t-it"), ratings);

    assertThat(failed)
        .containsIgnoringCase("authentication failed")
        .contains("check kafka.properties.security.protocol")
        .doesNotContain("n0t-it");
  }

  /** {@code recsys ingest} of a ratings file, expecting {@code exit}; what it printed. */
  private static String ingest(int exit, String config, Path ratings) {
    return CliRun.run(
        exit,
        "--config",
        config,
        "ingest",
        "--events",
        ratings.toString(),
        "--map",
        UserOrderedRatings.MAPPING,
        "--type",
        "rating",
        "--time-unit",
        "seconds");
  }

  private String config(String password) throws IOException {
    Path file = dir.resolve("recsys-" + password.length() + ".properties");
    List<String> lines = new ArrayList<>(List.of(
        "kafka.bootstrap-servers=" + kafka.bootstrapServers(),
        "kafka.properties.security.protocol=SASL_PLAINTEXT",
        "kafka.properties.sasl.mechanism=PLAIN",
        "kafka.properties.sasl.jaas.config=" + String.format(JAAS, password).replace("\\", "\\\\"),
        "redis.uri=" + redis.uri(),
        "features.state-dir=" + dir.resolve("state"),
        "offline.dir=" + dir.resolve("offline")));
    Files.write(file, lines);
    return file.toString();
  }
}
