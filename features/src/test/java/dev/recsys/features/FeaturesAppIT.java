package dev.recsys.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.features.definition.FeatureNames;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.store.OnlineFeatures;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.TopicLayout;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.deadletter.DeadLetter;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.TestNames;
import dev.recsys.testkit.Wait;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The running pipeline, end to end: events in Kafka to vectors in Redis, bad records to the DLQ. */
@ExtendWith(EmbeddedRuntimeExtension.class)
class FeaturesAppIT {
  private static final EventType[] TYPES = {
    EventType.VIEW,
    EventType.VIEW,
    EventType.VIEW,
    EventType.CLICK,
    EventType.ADD_TO_CART,
    EventType.PURCHASE
  };
  private final EmbeddedKafka kafka;
  private final EmbeddedRedis redis;

  @TempDir
  Path stateDir;

  FeaturesAppIT(EmbeddedKafka kafka, EmbeddedRedis redis) {
    this.kafka = kafka;
    this.redis = redis;
  }

  @Test
  void shouldWriteTheVectorsThePureCodeComputesAndDeadLetterGarbage(TestInfo info) {
    String name = TestNames.safeUniqueTestName(info);
    Topics topics = Topics.named(TopicNames.DEFAULT.withPrefix(name + "."));
    KafkaProbe.createTopics(kafka, topics, TopicLayout.SINGLE_NODE);
    FeatureSet set = new FeatureSet("it", 1);
    Map<String, ItemUpdate> catalog = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      catalog.put("i" + i, Events.item("i" + i).category("c" + i % 4).build());
    }
    catalog.forEach((id, item) -> KafkaProbe.send(
        kafka,
        new ProducerRecord<>(
            topics.items().name(),
            id.getBytes(StandardCharsets.UTF_8),
            Codecs.ITEM_UPDATE.encode(item))));
    List<UserEvent> events = events(new Random(42), 600);
    KafkaProbe.send(
        kafka,
        new ProducerRecord<>(
            topics.events().name(),
            "u0".getBytes(StandardCharsets.UTF_8),
            "garbage".getBytes(StandardCharsets.UTF_8)));
    for (UserEvent e : events) {
      KafkaProbe.send(
          kafka,
          new ProducerRecord<>(
              topics.events().name(),
              null,
              e.getTimestamp().toEpochMilli(),
              e.getUserId().getBytes(StandardCharsets.UTF_8),
              Codecs.USER_EVENT.encode(e)));
    }

    Map<String, FeatureVector> users = OnePass.users(events, catalog);
    Map<String, FeatureVector> items = OnePass.items(events, catalog);
    FeaturesConfig config =
        FeaturesConfig.of(kafka.connection(), stateDir).withApplicationId(name).withFeatureSet(set);
    try (RedisOnlineStore store = RedisOnlineStore.connect(OnlineStoreConfig.of(redis.uri(), set));
        FeaturesApp app = FeaturesApp.start(config, topics, store, new SimpleMeterRegistry())) {
      Wait.until(
          Duration.ofSeconds(60),
          () -> users.entrySet().stream()
              .allMatch(u -> store
                  .read(u.getKey(), List.of())
                  .user()
                  .map(v -> v.equals(u.getValue()))
                  .orElse(false)),
          () -> "every user's vector in Redis to equal the pure computation; first difference: "
              + firstDifference(users, store) + "; pipeline " + app.state() + ", feature log "
              + KafkaProbe.count(kafka, topics.featureLog().name()) + " records");
      Wait.until(
          Duration.ofSeconds(30),
          () -> items.entrySet().stream().allMatch(i -> {
            FeatureVector actual = store.read("u0", List.of(i.getKey())).items().get(i.getKey());
            return actual != null
                && actual.get(FeatureNames.ITEM_EVENTS_TOTAL)
                    == i.getValue().get(FeatureNames.ITEM_EVENTS_TOTAL);
          }),
          () -> "every item's vector to count all its events");
      OnlineFeatures read = store.read("u0", items.keySet());
      assertThat(read.items()).hasSize(items.size());
      items.forEach((id, expected) -> expected
          .values()
          .forEach((feature, value) -> assertThat(read.items().get(id).get(feature))
              .as(id + " " + feature)
              .isCloseTo(value, within(1e-9))));
    }
    DeadLetter letter = DeadLetter.readFrom(
            KafkaProbe.read(kafka, topics.eventsDlq().name(), 1).get(0).headers())
        .orElseThrow();
    assertThat(letter.reason()).contains("not Avro single-object encoding");
    assertThat(letter.sourceTopic()).isEqualTo(topics.events().name());
  }

  private static String firstDifference(
      Map<String, FeatureVector> expected, RedisOnlineStore store) {
    for (Map.Entry<String, FeatureVector> e : expected.entrySet()) {
      var actual = store.read(e.getKey(), List.of()).user();
      if (actual.isEmpty() || !actual.get().equals(e.getValue())) {
        return e.getKey() + ": expected " + e.getValue() + " but Redis has " + actual;
      }
    }
    return "none";
  }

  private static List<UserEvent> events(Random random, int count) {
    List<UserEvent> events = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      events.add(Events.of(
              TYPES[random.nextInt(TYPES.length)],
              "u" + random.nextInt(25),
              "i" + random.nextInt(30))
          .plusSeconds(n * 37L + random.nextInt(30))
          .build());
    }
    return events;
  }
}
