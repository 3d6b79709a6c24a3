package dev.recsys.features.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.Topics;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/** Through a real broker: what the feed hands on, from where it starts, and when it is fresh. */
@ExtendWith(EmbeddedRuntimeExtension.class)
class ItemFeatureFeedIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final FeatureSet OTHER = new FeatureSet("core", 2);
  private final EmbeddedKafka kafka;

  ItemFeatureFeedIT(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  @Test
  void shouldHandOnItemsOfItsFeatureSetFromAMinuteBackThenEveryChangeAsItCommits(TestInfo info) {
    Topics topics = KafkaProbe.uniqueTopics(kafka, info);
    long now = System.currentTimeMillis();
    send(
        topics,
        item("old", 0.1),
        FeatureSet.CORE_V1,
        now - Duration.ofMinutes(5).toMillis());
    send(
        topics,
        item("recent", 0.2),
        FeatureSet.CORE_V1,
        now - Duration.ofSeconds(10).toMillis());
    send(topics, user("u1"), FeatureSet.CORE_V1, now);
    send(topics, item("other-set", 0.3), OTHER, now);
    Map<String, FeatureVector> seen = new ConcurrentHashMap<>();

    try (ItemFeatureFeed feed = ItemFeatureFeed.start(
        kafka.connection(), topics.featureLog(), FeatureSet.CORE_V1, v -> seen.put(v.id(), v))) {
      Wait.until(WAIT, feed::caughtUp, () -> "the feed to catch up");
      Wait.until(WAIT, () -> seen.containsKey("recent"), () -> "the recent item, seen " + seen);
      send(topics, item("recent", 0.5), FeatureSet.CORE_V1, System.currentTimeMillis());
      send(topics, item("live", 0.6), FeatureSet.CORE_V1, System.currentTimeMillis());
      Wait.until(WAIT, () -> seen.containsKey("live"), () -> "the live item, seen " + seen);

      assertThat(seen.keySet())
          .as("no user, no other feature set, nothing from before the" + " rewind")
          .containsExactlyInAnyOrder("recent", "live");
      Wait.until(
          WAIT,
          () -> seen.get("recent").get("item.ctr_7d") == 0.5,
          () -> "the recent item's change");
      assertThat(seen.get("live").kind()).isEqualTo(EntityKind.ITEM);
      assertThat(feed.caughtUp()).isTrue();
    }
  }

  @Test
  void shouldReportItselfBehindOnceItStopsHearingFromKafka(TestInfo info) {
    Topics topics = KafkaProbe.uniqueTopics(kafka, info);
    ItemFeatureFeed feed =
        ItemFeatureFeed.start(kafka.connection(), topics.featureLog(), FeatureSet.CORE_V1, v -> {});
    Wait.until(WAIT, feed::caughtUp, () -> "the feed to catch up");
    feed.close();
    // A closed feed checks nothing more: like a feed cut off from its broker, it goes stale.
    Wait.until(WAIT, () -> !feed.caughtUp(), () -> "the feed to report itself behind");
  }

  private static FeatureVector item(String id, double ctr) {
    return new FeatureVector(
        EntityKind.ITEM, id, 1_000L, new TreeMap<>(Map.of("item.ctr_7d", ctr)), List.of());
  }

  private static FeatureVector user(String id) {
    return new FeatureVector(
        EntityKind.USER, id, 1_000L, new TreeMap<>(Map.of("user.click_1h", 1.0)), List.of());
  }

  private void send(Topics topics, FeatureVector vector, FeatureSet set, long timestamp) {
    KafkaProbe.send(
        kafka,
        new ProducerRecord<>(
            topics.featureLog().name(),
            null,
            timestamp,
            FeatureUpdates.key(vector.kind(), vector.id()).getBytes(StandardCharsets.UTF_8),
            Codecs.FEATURE_UPDATE.encode(
                FeatureUpdateRecords.of(vector, set, "e-" + vector.id()))));
  }

  @Test
  void shouldNeverCountAsCaughtUpOnALogWithNoPartitions() throws InterruptedException {
    try (ItemFeatureFeed feed = ItemFeatureFeed.start(
        kafka.connection(),
        Topics.named(TopicNames.DEFAULT.withPrefix("absent-" + System.nanoTime() + "."))
            .featureLog(),
        FeatureSet.CORE_V1,
        v -> {})) {
      Thread.sleep(1_500);
      assertThat(feed.caughtUp()).isFalse();
    }
  }
}
