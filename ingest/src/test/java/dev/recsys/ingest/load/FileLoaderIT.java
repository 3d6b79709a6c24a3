package dev.recsys.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.TestClocks;
import dev.recsys.testkit.UserOrderedRatings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedRuntimeExtension.class)
class FileLoaderIT {
  private final EmbeddedKafka kafka;
  private Topics topics;

  @TempDir
  Path dir;

  FileLoaderIT(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  @BeforeEach
  void createTopics(TestInfo info) {
    topics = KafkaProbe.uniqueTopics(kafka, info);
  }

  @Test
  void shouldLoadAMovieLensStyleFileAndCountEveryRejection() throws IOException {
    Path ratings = Files.writeString(dir.resolve("ratings.csv"), """
        userId,movieId,rating,timestamp
        1,31,2.5,1260759144
        1,1029,3.0,1260759179
        2,10,4.0,835355493
        ,17,4.0,835355493
        3,18,abc,835355493
        3,19,4.5,86400
        """);
    LoadOptions options = new LoadOptions(
        FileFormat.CSV,
        ColumnMapping.parse(
            "user_id=userId,item_id=movieId,value=rating", FileLoader.eventFields()),
        LoadOptions.TimeUnit.SECONDS,
        Optional.of(EventType.RATING),
        ',',
        TimeOrdering.sorted());
    AtomicLong progress = new AtomicLong();

    LoadSummary summary;
    try (EventPublisher publisher =
        EventPublisher.create(PublisherConfig.of(kafka.connection()), topics, TestClocks.FIXED)) {
      summary =
          new FileLoader(publisher, TestClocks.FIXED).loadEvents(ratings, options, progress::set);
    }
    assertThat(summary.order())
        .isEqualTo(new EventOrder(1, Duration.ofSeconds(1_260_759_179L - 835_355_493L), true, 0));

    assertThat(summary.read()).isEqualTo(6);
    assertThat(summary.loaded()).isEqualTo(3);
    assertThat(summary.rejected()).isEqualTo(3);
    assertThat(summary.failed()).isZero();
    assertThat(summary.topReasons())
        .containsKeys("user_id: is required", "value: must be a number, got STRING");
    assertThat(summary.topReasons().keySet()).anyMatch(r -> r.startsWith("timestamp:"));
    assertThat(progress.get()).isEqualTo(Files.size(ratings));
    assertThat(KafkaProbe.count(kafka, topics.events().name())).isEqualTo(summary.loaded());
    UserEvent first =
        Codecs.USER_EVENT.decode(KafkaProbe.read(kafka, topics.events().name(), 3).stream()
            .filter(r -> new String(r.key()).equals("2"))
            .findFirst()
            .orElseThrow()
            .value());
    assertThat(first.getTimestamp()).isEqualTo(Instant.ofEpochSecond(835_355_493L));
    assertThat(first.getType()).isEqualTo(EventType.RATING);
    assertThat(first.getValue()).isEqualTo(4.0);
  }

  @Test
  void shouldLoadItemsFromJsonLines() throws IOException {
    Path items = Files.writeString(dir.resolve("items.jsonl"), """
        {"item_id":"i1","category":"books","tags":["a"],"price":3.5,"created_at":1622505601000}
        {"item_id":"i2","category":"toys","available":false,"attributes":{"brand":"x"}}
        {"item_id":"","category":"toys"}
        """);
    LoadSummary summary;
    try (EventPublisher publisher =
        EventPublisher.create(PublisherConfig.of(kafka.connection()), topics, TestClocks.FIXED)) {
      summary = new FileLoader(publisher, TestClocks.FIXED)
          .loadItems(items, LoadOptions.defaults(FileFormat.JSONL), LoadProgress.NONE);
    }
    assertThat(summary.order()).isEqualTo(EventOrder.NONE);
    assertThat(summary.loaded()).isEqualTo(2);
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(KafkaProbe.count(kafka, topics.items().name())).isEqualTo(2);
  }

  @Test
  void shouldPublishAFileOrderedByUserInEventTimeOrderThroughLessMemoryThanTheFile()
      throws IOException {
    Path ratings = UserOrderedRatings.write(dir.resolve("ratings.csv"), 400, 60_000, 7);
    Path sortDir = Files.createDirectory(dir.resolve("sort"));
    LoadOptions options = movieLens(TimeOrdering.sorted().withMemory(1 << 20).withTempDir(sortDir));
    AtomicLong published = new AtomicLong();
    LoadSummary summary;
    try (EventPublisher publisher =
        EventPublisher.create(PublisherConfig.of(kafka.connection()), topics, TestClocks.FIXED)) {
      summary = new FileLoader(publisher, TestClocks.FIXED)
          .loadEvents(ratings, options, new LoadProgress() {
            @Override
            public void read(long bytes) {}

            @Override
            public void published(long records) {
              published.set(records);
            }
          });
    }

    assertThat(Files.size(ratings)).isGreaterThan(1 << 20);
    assertThat(summary.loaded()).isEqualTo(60_000);
    assertThat(summary.rejected()).isZero();
    assertThat(published.get()).isEqualTo(60_000);
    assertThat(summary.order().sorted()).isTrue();
    assertThat(summary.order().spilledRuns()).isGreaterThan(1);
    assertThat(summary.order().rowsBehind()).isGreaterThan(10_000);
    assertThat(timesOutOfOrder(KafkaProbe.read(kafka, topics.events().name(), 60_000)))
        .isZero();
    try (var left = Files.list(sortDir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void shouldPublishInFileOrderWhenToldTheFileIsSortedAndStillCountTheRowsBehind()
      throws IOException {
    Path ratings = UserOrderedRatings.write(dir.resolve("ratings.csv"), 50, 2_000, 8);
    LoadSummary summary;
    try (EventPublisher publisher =
        EventPublisher.create(PublisherConfig.of(kafka.connection()), topics, TestClocks.FIXED)) {
      summary = new FileLoader(publisher, TestClocks.FIXED)
          .loadEvents(ratings, movieLens(TimeOrdering.AS_IS), LoadProgress.NONE);
    }
    assertThat(summary.loaded()).isEqualTo(2_000);
    assertThat(summary.order().sorted()).isFalse();
    assertThat(summary.order().inOrder()).isFalse();
    assertThat(timesOutOfOrder(KafkaProbe.read(kafka, topics.events().name(), 2_000)))
        .isPositive();
  }

  @Test
  void shouldRefuseAnEventTypeForEveryRowOfAnItemsFile() throws IOException {
    Path items = Files.writeString(dir.resolve("items.csv"), "item_id,category\ni1,books\n");
    LoadOptions options = LoadOptions.defaults(FileFormat.CSV);
    try (EventPublisher publisher =
        EventPublisher.create(PublisherConfig.of(kafka.connection()), topics, TestClocks.FIXED)) {
      FileLoader loader = new FileLoader(publisher, TestClocks.FIXED);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.loadItems(
              items,
              new LoadOptions(
                  FileFormat.CSV,
                  options.mapping(),
                  options.timeUnit(),
                  Optional.of(EventType.RATING),
                  ',',
                  options.ordering()),
              LoadProgress.NONE))
          .hasMessageContaining("applies to events, not to the items file items.csv");
    }
  }

  private static LoadOptions movieLens(TimeOrdering ordering) {
    return new LoadOptions(
        FileFormat.CSV,
        ColumnMapping.parse(UserOrderedRatings.MAPPING, FileLoader.eventFields()),
        LoadOptions.TimeUnit.SECONDS,
        Optional.of(EventType.RATING),
        ',',
        ordering);
  }

  /** Records whose timestamp is before an earlier record's on the same partition. */
  private static long timesOutOfOrder(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<Integer, Long> newest = new HashMap<>();
    long behind = 0;
    for (ConsumerRecord<byte[], byte[]> r : records) {
      long time = Codecs.USER_EVENT.decode(r.value()).getTimestamp().toEpochMilli();
      Long before = newest.get(r.partition());
      if (before != null && time < before) {
        behind++;
      } else {
        newest.put(r.partition(), time);
      }
    }
    return behind;
  }
}
