package dev.recsys.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.features.FeaturesApp;
import dev.recsys.features.FeaturesConfig;
import dev.recsys.features.ReplayJob;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.intake.IntakeMetrics;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.intake.RefusalReason;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.replay.RefusalLimit;
import dev.recsys.features.replay.ReplaySummary;
import dev.recsys.features.replay.TooManyRefusedException;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.ingest.http.IngestLimits;
import dev.recsys.ingest.load.ColumnMapping;
import dev.recsys.ingest.load.FileFormat;
import dev.recsys.ingest.load.FileLoader;
import dev.recsys.ingest.load.LoadOptions;
import dev.recsys.ingest.load.LoadProgress;
import dev.recsys.ingest.load.LoadSummary;
import dev.recsys.ingest.load.TimeOrdering;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.serving.http.HttpConfig;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.TestNames;
import dev.recsys.testkit.UserOrderedRatings;
import dev.recsys.testkit.Wait;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history file ordered by user, with times interleaved across users (the shape of MovieLens'
 * ratings.csv): loaded with the bulk loader, every event reaches the stream and replay; sent as
 * it is over HTTP, the stream and replay judge it alike, per partition, and replay says how much
 * was refused and fails past the limit, naming the fix.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class HistoryBackfillIT {
  private static final int ROWS = 20_000;
  private static final int HTTP_BATCH = 5_000;
  private final EmbeddedKafka kafka;
  private final EmbeddedRedis redis;

  @TempDir
  Path dir;

  HistoryBackfillIT(EmbeddedKafka kafka, EmbeddedRedis redis) {
    this.kafka = kafka;
    this.redis = redis;
  }

  @Test
  void shouldAcceptEveryEventOfAUserOrderedFileLoadedInBulk(TestInfo info) throws IOException {
    Topics topics = KafkaProbe.uniqueTopics(kafka, info);
    Path ratings = UserOrderedRatings.write(dir.resolve("ratings.csv"), 150, ROWS, 11);
    LoadSummary load;
    try (EventPublisher publisher = publisher(topics)) {
      load = new FileLoader(publisher, Clock.systemUTC())
          .loadEvents(
              ratings, movieLens(TimeOrdering.sorted().withTempDir(dir)), LoadProgress.NONE);
    }
    assertThat(load.loaded()).isEqualTo(ROWS);
    assertThat(load.order().rowsBehind())
        .as("the file is out of time order")
        .isGreaterThan(ROWS / 2);

    Judged judged = runStreamAndReplay(topics, TestNames.safeUniqueTestName(info));

    assertThat(judged.dropped()).isZero();
    assertThat(KafkaProbe.count(kafka, topics.eventsDlq().name())).isZero();
    assertThat(judged.replay().accepted()).isEqualTo(ROWS);
    assertThat(judged.replay().notAccepted()).isZero();
    RefusalLimit.of(IntakePolicy.DEFAULT).check("replay", judged.replay());
  }

  @Test
  void shouldJudgeTheSameFileSentOverHttpPerPartitionAndSayHowMuchWasRefused(TestInfo info)
      throws Exception {
    Topics topics = KafkaProbe.uniqueTopics(kafka, info);
    Path ratings = UserOrderedRatings.write(dir.resolve("ratings.csv"), 150, ROWS, 11);
    try (EventPublisher publisher = publisher(topics);
        ServingApp app = ServingApp.start(
            HttpConfig.onPort(0),
            ServingDeps.ingest(
                publisher,
                IngestLimits.DEFAULT,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Clock.systemUTC()))) {
      postInFileOrder(app.port(), ratings);
    }
    assertThat(KafkaProbe.count(kafka, topics.events().name())).isEqualTo(ROWS);

    Judged judged = runStreamAndReplay(topics, TestNames.safeUniqueTestName(info));

    long late = judged.replay().refused().getOrDefault(RefusalReason.LATE, 0L);
    assertThat(late)
        .as("most of a user-ordered file is late by its partition's watermark")
        .isGreaterThan(ROWS / 2);
    assertThat(judged.dropped())
        .as("the stream refuses exactly what replay refuses")
        .isEqualTo(late);
    assertThat(KafkaProbe.count(kafka, topics.eventsDlq().name())).isEqualTo(late);
    assertThat(judged.replay().intakeLine()).contains(String.format("%,d late", late));
    assertThatThrownBy(() -> RefusalLimit.of(IntakePolicy.DEFAULT).check("replay", judged.replay()))
        .isInstanceOf(TooManyRefusedException.class)
        .hasMessageContaining("more than replay.max-refused-share = 0.05")
        .hasMessageContaining("sorts each file by event time")
        .hasMessageContaining("features.grace");
    new RefusalLimit(1.0, IntakePolicy.DEFAULT).check("replay", judged.replay());
  }

  /** What the stream dropped and what replay judged, once the stream has caught up. */
  private record Judged(long dropped, ReplaySummary replay) {}

  private Judged runStreamAndReplay(Topics topics, String appId) {
    FeatureSet set = new FeatureSet("backfill" + Math.floorMod(appId.hashCode(), 100_000), 1);
    FeaturesConfig config = FeaturesConfig.of(kafka.connection(), dir.resolve("state"))
        .withApplicationId(appId)
        .withFeatureSet(set)
        .withIntake(IntakePolicy.DEFAULT);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (Admin admin = Admin.create(kafka.clientProperties());
        RedisOnlineStore store = RedisOnlineStore.connect(OnlineStoreConfig.of(redis.uri(), set));
        FeaturesApp app = FeaturesApp.start(config, topics, store, metrics)) {
      Wait.until(
          Duration.ofSeconds(90),
          () -> app.lag(admin) == 0,
          () -> "the pipeline to catch up; lag " + app.lag(admin));
    }
    long dropped = (long) metrics.find(IntakeMetrics.DROPPED).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
    ReplaySummary replay = new ReplayJob(
            kafka.connection(),
            topics,
            set,
            IntakePolicy.DEFAULT,
            LabelPolicy.NONE,
            null,
            dir.resolve("replay-" + appId))
        .run(read -> {})
        .summary();
    return new Judged(dropped, replay);
  }

  private EventPublisher publisher(Topics topics) {
    return EventPublisher.create(PublisherConfig.of(kafka.connection()), topics, Clock.systemUTC());
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

  /** POSTs the rows as NDJSON in file order, a batch at a time, as an app replaying would. */
  private static void postInFileOrder(int port, Path ratings) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<String> rows = Files.readAllLines(ratings);
    for (int from = 1; from < rows.size(); from += HTTP_BATCH) {
      List<String> lines = new ArrayList<>();
      for (String row : rows.subList(from, Math.min(rows.size(), from + HTTP_BATCH))) {
        String[] f = row.split(",");
        lines.add(String.format(
            "{\"user_id\":\"%s\",\"item_id\":\"%s\",\"type\":\"rating\","
                + "\"value\":%s,\"timestamp\":%d}",
            f[0], f[1], f[2], Long.parseLong(f[3]) * 1000));
      }
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
              .header("Content-Type", "application/x-ndjson")
              .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).contains("\"rejected\":[]");
    }
  }
}
