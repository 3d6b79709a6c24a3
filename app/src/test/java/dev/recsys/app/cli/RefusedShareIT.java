package dev.recsys.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.app.offline.OfflineLoop;
import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.replay.RefusalLimit;
import dev.recsys.features.replay.TooManyRefusedException;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.ingest.load.ColumnMapping;
import dev.recsys.ingest.load.FileFormat;
import dev.recsys.ingest.load.FileLoader;
import dev.recsys.ingest.load.LoadOptions;
import dev.recsys.ingest.load.LoadProgress;
import dev.recsys.ingest.load.TimeOrdering;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.UserOrderedRatings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recsys replay} and {@code recsys evaluate} on a topic where a user-ordered history was
 * published in file order: they exit 1 naming the fix (replay passes once the limit is raised on
 * purpose), and the demo's offline loop stops before training anything.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class RefusedShareIT {
  private final EmbeddedKafka kafka;

  @TempDir
  Path dir;

  RefusedShareIT(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  @Test
  void replayShouldFailNamingTheFixWhenMostEventsWereRefusedAsLate(TestInfo info)
      throws IOException {
    Topics topics = KafkaProbe.uniqueTopics(kafka, info);
    Path ratings = UserOrderedRatings.write(dir.resolve("ratings.csv"), 60, 6_000, 5);
    LoadOptions inFileOrder = new LoadOptions(
        FileFormat.CSV,
        ColumnMapping.parse(UserOrderedRatings.MAPPING, FileLoader.eventFields()),
        LoadOptions.TimeUnit.SECONDS,
        Optional.of(EventType.RATING),
        LoadOptions.DEFAULT_DELIMITER,
        TimeOrdering.AS_IS);
    try (EventPublisher publisher =
        EventPublisher.create(PublisherConfig.of(kafka.connection()), topics, Clock.systemUTC())) {
      new FileLoader(publisher, Clock.systemUTC())
          .loadEvents(ratings, inFileOrder, LoadProgress.NONE);
    }

    String failed = CliRun.run(
        1,
        "--config",
        config(topics, "0.05"),
        "replay",
        "--out",
        dir.resolve("refused").toString());
    assertThat(failed)
        .containsPattern("of 6,000 events accepted; [\\d,]+ not \\([\\d.]+ %\\): [\\d,]+ late")
        .contains("more than replay.max-refused-share = 0.05")
        .contains("sorts each file by event time")
        .contains("features.grace");

    CliRun.run(
        0,
        "--config",
        config(topics, "1.0"),
        "replay",
        "--out",
        dir.resolve("accepted").toString());

    String evaluate = CliRun.run(
        1,
        "--config",
        config(topics, "0.05"),
        "evaluate",
        "--from",
        "2020-01-01",
        "--report",
        dir.resolve("evaluation.html").toString());
    assertThat(evaluate)
        .contains("evaluate: ")
        .contains("more than replay.max-refused-share")
        .contains("sorts each file by event time");
    assertThat(dir.resolve("evaluation.html")).doesNotExist();

    OfflineLoop demoLoop = OfflineLoop.forSampleData(
        kafka.connection(),
        topics,
        FeatureSet.CORE_V1,
        RefusalLimit.of(IntakePolicy.DEFAULT),
        dir.resolve("loop"),
        Clock.systemUTC());
    assertThatThrownBy(() -> demoLoop.run(line -> {}))
        .isInstanceOf(TooManyRefusedException.class)
        .hasMessageContaining("replay: ")
        .hasMessageContaining("features.grace");
    assertThat(dir.resolve("loop").resolve("models")).doesNotExist();
  }

  private String config(Topics topics, String maxRefusedShare) throws IOException {
    Path file = dir.resolve("recsys-" + maxRefusedShare + ".properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "kafka.bootstrap-servers=" + kafka.bootstrapServers(),
            "topics.events=" + topics.events().name(),
            "topics.items=" + topics.items().name(),
            "topics.events-dlq=" + topics.eventsDlq().name(),
            "topics.impressions=" + topics.impressions().name(),
            "topics.feature-log=" + topics.featureLog().name(),
            "replay.max-refused-share=" + maxRefusedShare));
    return file.toString();
  }
}
