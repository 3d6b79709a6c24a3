package dev.recsys.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.schemas.Topics;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.KafkaProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recsys evaluate} from a purchase log to the tables, with every baseline, in both
 * protocols and both modes, on a log small enough to know each answer. Items come in sets
 * (a, b, c): before day 20 four users per set bought a then b, two of them c too; from day 20
 * a new user per set buys a then b, the first old user of each set buys c, and one old user
 * buys a again.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class EvaluateIT {
  private static final Instant DAY0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final int SETS = 5;

  private final EmbeddedKafka kafka;

  @TempDir
  Path dir;

  private String config;

  EvaluateIT(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  @BeforeEach
  void load(TestInfo info) throws IOException {
    Topics topics = KafkaProbe.uniqueTopics(kafka, info);
    config = dir.resolve("recsys.properties").toString();
    Files.writeString(
        Path.of(config),
        String.join(
            "\n",
            "kafka.bootstrap-servers=" + kafka.bootstrapServers(),
            "topics.events=" + topics.events().name(),
            "topics.items=" + topics.items().name(),
            "topics.events-dlq=" + topics.eventsDlq().name(),
            "topics.impressions=" + topics.impressions().name(),
            "topics.feature-log=" + topics.featureLog().name()));
    List<String> rows = new ArrayList<>(List.of("user,item,time"));
    for (int s = 0; s < SETS; s++) {
      for (int j = 0; j < 4; j++) {
        rows.add(row("o" + s + j, "a" + s, s + j * 0.1));
        rows.add(row("o" + s + j, "b" + s, s + j * 0.1 + 0.05));
      }
      rows.add(row("o" + s + 1, "c" + s, 6 + s));
      rows.add(row("o" + s + 2, "c" + s, 6.5 + s));
      rows.add(row("n" + s, "a" + s, 20 + s));
      rows.add(row("n" + s, "b" + s, 20.25 + s));
      rows.add(row("o" + s + 0, "c" + s, 20.5 + s));
    }
    rows.add(row("o00", "a0", 30));
    Path events = dir.resolve("purchases.csv");
    Files.write(events, rows);
    CliRun.run(
        0,
        "--config",
        config,
        "ingest",
        "--events",
        events.toString(),
        "--map",
        "user_id=user,item_id=item,timestamp=time",
        "--type",
        "purchase",
        "--time-unit",
        "seconds");
  }

  private static String row(String user, String item, double day) {
    return user + "," + item + ","
        + DAY0.plus(Duration.ofMinutes(Math.round(day * 24 * 60))).getEpochSecond();
  }

  @Test
  void sequentialShouldAskEveryBaselineOnTheHistoryAsItIsAtEachInteraction() {
    Path report = dir.resolve("sequential.html");
    String out = CliRun.run(
        0,
        "--config",
        config,
        "evaluate",
        "--from",
        "2024-01-21",
        "--targets",
        "purchase",
        "--report",
        report.toString());

    // New items: n_s buys a_s then b_s, o_s0 buys c_s (15); repeats allowed adds o00's a0.
    assertThat(out)
        .contains("15 held-out interactions (new items), 16 (repeats allowed)")
        .contains("new items: 15 held-out interactions")
        .contains("repeats allowed: 16 held-out");
    // item-kNN finds b_s after a_s and c_s after a_s, b_s at rank 1: 10 of 15; n_s's first
    // purchase has no history to go on. With repeats allowed it also puts a0 first for o00
    // (a0 and b0 tie and a0 comes first by id): 11 of 16.
    assertThat(table(out, "new items")).containsPattern(row("item-knn", "0.6667"));
    assertThat(table(out, "repeats allowed")).containsPattern(row("item-knn", "0.6875"));
    assertThat(out)
        .contains("| trending |")
        .contains("| ease |")
        .contains("| ials |")
        .contains("| popularity |")
        .contains("| recent-popularity |")
        .contains("validation ease lambda=10: NDCG@10")
        .containsPattern("ials: new items factors=\\d+ .*; repeats allowed factors=");
    assertThat(report)
        .content()
        .contains("sequential from 2024-01-21")
        .contains("item-knn")
        .contains("repeats allowed");
  }

  @Test
  void splitShouldScoreTheUsersWithHistoryBeforeTheSplit() {
    Path report = dir.resolve("split.html");
    String out = CliRun.run(
        0,
        "--config",
        config,
        "evaluate",
        "--protocol",
        "split",
        "--at",
        "2024-01-21",
        "--targets",
        "purchase",
        "--report",
        report.toString());

    // o_s0 had a_s, b_s and chose c_s after the split, which item-kNN puts first; o00 also
    // chose a0 again, which only counts with repeats allowed.
    assertThat(table(out, "new items"))
        .contains("new items: 5 users")
        .containsPattern(row("item-knn", "1.0000") + "0.0000");
    assertThat(table(out, "repeats allowed")).contains("repeats allowed: 5 users");
    assertThat(report).content().contains("split at 2024-01-21");
  }

  /** A table row's start: the system (in bold when best) and its NDCG@10. */
  private static String row(String system, String ndcgAt10) {
    return "\\| (\\*\\*)?" + system + "(\\*\\*)? \\| " + ndcgAt10.replace(".", "\\.") + " ± ";
  }

  private static String table(String out, String mode) {
    int start = out.indexOf(mode + ": ");
    assertThat(start).as(out).isNotNegative();
    int end = out.indexOf("\n\n", out.indexOf("|---", start));
    return out.substring(start, end < 0 ? out.length() : end);
  }
}
