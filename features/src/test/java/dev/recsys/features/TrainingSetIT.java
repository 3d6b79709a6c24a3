package dev.recsys.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.offline.OfflineConfig;
import dev.recsys.features.offline.OfflineLayout;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.replay.TrainingRow;
import dev.recsys.features.skew.SkewCheck;
import dev.recsys.features.skew.SkewReport;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.features.training.AsOfJoin;
import dev.recsys.features.training.TrainingSetReader;
import dev.recsys.features.training.TrainingSetWriter;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.TopicLayout;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.TestNames;
import dev.recsys.testkit.Wait;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline side against the running pipeline: the stream archives to Parquet; replay of the
 * topics and the as-of join over those files give the same training rows, value for value; and
 * the skew check finds the online store equal to what replay computes.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class TrainingSetIT {
  private static final EventType[] TYPES = {
    EventType.VIEW,
    EventType.VIEW,
    EventType.VIEW,
    EventType.CLICK,
    EventType.CLICK,
    EventType.ADD_TO_CART,
    EventType.PURCHASE
  };
  private final EmbeddedKafka kafka;
  private final EmbeddedRedis redis;

  @TempDir
  Path dir;

  TrainingSetIT(EmbeddedKafka kafka, EmbeddedRedis redis) {
    this.kafka = kafka;
    this.redis = redis;
  }

  @Test
  void shouldGiveTheSameRowsByReplayAndByAsOfJoinAndNoSkew(TestInfo info) throws IOException {
    String name = TestNames.safeUniqueTestName(info);
    Topics topics = Topics.named(TopicNames.DEFAULT.withPrefix(name + "."));
    // One partition: the as-of join can only match replay where each entity's events arrived in
    // time order, and with one partition the item re-keying keeps that order too.
    KafkaProbe.createTopics(kafka, topics, new TopicLayout(1, (short) 1));
    publish(topics);
    FeatureSet set = new FeatureSet("pit", 1);
    FeaturesConfig config = FeaturesConfig.of(kafka.connection(), dir.resolve("state"))
        .withApplicationId(name)
        .withFeatureSet(set);
    OfflineConfig offline =
        OfflineConfig.of(dir.resolve("offline")).withMaxAge(Duration.ofMillis(200));
    try (Admin admin = Admin.create(kafka.clientProperties());
        RedisOnlineStore store = RedisOnlineStore.connect(OnlineStoreConfig.of(redis.uri(), set));
        FeaturesApp app = FeaturesApp.start(
            config, topics, store, Optional.of(offline), new SimpleMeterRegistry())) {
      Wait.until(
          Duration.ofSeconds(90),
          () -> app.lag(admin) == 0 && app.offlineLag(admin) == 0,
          () -> "the pipeline and the archivers to catch up; lag " + app.lag(admin)
              + ", offline lag " + app.offlineLag(admin));

      Path replayed = dir.resolve("replayed");
      ReplayJob.Result replay = new ReplayJob(
              kafka.connection(),
              topics,
              set,
              IntakePolicy.DEFAULT,
              LabelPolicy.DEFAULT
                  .withPositives(Set.of(EventType.CLICK))
                  .withNegatives(3)
                  .withNovelOnly(false),
              null,
              replayed)
          .run(read -> {});
      List<TrainingRow> expected = TrainingSetReader.read(replayed);
      assertThat(replay.summary().positives()).isGreaterThan(100);
      assertThat(expected).hasSize((int) replay.summary().rows());

      List<TrainingRow> joined = new ArrayList<>();
      new AsOfJoin(offline.layout(), set)
          .run(replayed.resolve(TrainingSetWriter.DATA_FILE), joined::add);
      assertThat(joined).hasSameSizeAs(expected);
      for (int n = 0; n < expected.size(); n++) {
        TrainingRow want = expected.get(n);
        TrainingRow got = joined.get(n);
        assertThat(List.of(got.userId(), got.itemId(), got.timestamp(), got.label()))
            .isEqualTo(List.of(want.userId(), want.itemId(), want.timestamp(), want.label()));
        assertThat(got.features()).as("row %d: %s", n, want).containsExactly(want.features());
      }

      SkewReport skew = new SkewJob(
              kafka.connection(), topics, IntakePolicy.DEFAULT, SkewCheck.DEFAULT_TOLERANCE)
          .run(store, read -> {});
      assertThat(skew.clean()).as(skew.table()).isTrue();
      assertThat(skew.users()).isEqualTo(25);
    }
    for (String dataset :
        List.of(OfflineLayout.FEATURE_LOG, OfflineLayout.EVENTS, OfflineLayout.ITEMS)) {
      try (Stream<Path> files = Files.walk(dir.resolve("offline").resolve(dataset))) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as(dataset)
            .anyMatch(f -> f.matches("p000-\\d{20}-\\d{20}-n\\d+\\.parquet"));
      }
    }
  }

  private void publish(Topics topics) {
    for (int i = 0; i < 20; i++) {
      ItemUpdate item = Events.item("i" + i).category("c" + i % 4).build();
      KafkaProbe.send(
          kafka,
          new ProducerRecord<>(
              topics.items().name(),
              item.getItemId().getBytes(StandardCharsets.UTF_8),
              Codecs.ITEM_UPDATE.encode(item)));
    }
    Random random = new Random(7);
    for (int n = 0; n < 900; n++) {
      UserEvent e = Events.of(
              TYPES[random.nextInt(TYPES.length)],
              "u" + random.nextInt(25),
              "i" + random.nextInt(20))
          .plusSeconds(n * 97L - n % 3)
          .session("s" + n / 40)
          .build();
      KafkaProbe.send(
          kafka,
          new ProducerRecord<>(
              topics.events().name(),
              null,
              e.getTimestamp().toEpochMilli(),
              e.getUserId().getBytes(StandardCharsets.UTF_8),
              Codecs.USER_EVENT.encode(e)));
    }
  }
}
