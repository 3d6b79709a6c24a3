package dev.recsys.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecsysCommandTest {
  private static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cmd = Recsys.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(out));
    assertThat(cmd.execute(args)).as(out.toString()).isEqualTo(expectedExit);
    return out.toString();
  }

  @Test
  void shouldListEverySubcommandInHelp() {
    assertThat(run(0, "--help"))
        .contains(
            "demo", "serve", "features", "ingest", "generate", "dlq", "train-ranker", "models");
  }

  @Test
  void shouldListEveryReleasedSchemaWithItsFingerprint() {
    assertThat(run(0, "schemas"))
        .contains("UserEvent      v1       0xd8620bcf5f7caecc  c3 01 cc ae 7c 5f cf 0b 62 d8")
        .contains("UserEvent      v2*      0xb758efb06b047f59  c3 01 59 7f 04 6b b0 ef 58 b7")
        .contains("Impression     v1*")
        .contains("ItemUpdate     v1*");
  }

  @Test
  void shouldPrintOneReleasedSchemaOrNameTheUnknownOne() {
    Schema v1 = new Schema.Parser().parse(run(0, "schemas", "--avsc", "UserEvent:1"));
    assertThat(SchemaNormalization.parsingFingerprint64(v1)).isEqualTo(0xd8620bcf5f7caeccL);
    assertThat(run(2, "schemas", "--avsc", "UserEvent:9"))
        .contains("--avsc UserEvent:9: no such released schema; `recsys schemas` lists them");
  }

  @Test
  void shouldExplainThatIngestNeedsSomethingToLoad() {
    assertThat(run(2, "ingest")).contains("nothing to load: pass --events FILE");
  }

  @Test
  void shouldRejectAnUnknownEventTypeOption(@TempDir Path dir) throws IOException {
    assertThat(run(2, "ingest", "--events", file(dir, "x.csv"), "--type", "clik"))
        .contains("--type 'clik' is not a known event type");
  }

  @Test
  void shouldRejectEveryEventsOptionGivenWithOnlyAnItemsFile(@TempDir Path dir) throws IOException {
    assertThat(run(
            2,
            "ingest",
            "--items",
            file(dir, "items.csv"),
            "--type",
            "rating",
            "--map",
            "user_id=u",
            "--assume-sorted",
            "--sort-memory",
            "1g",
            "--temp-dir",
            dir.toString()))
        .contains("--type sets the event type of every events row (items have no type), but "
            + "there is no --events FILE")
        .contains("--map names the events file's columns (for the items file use --items-map)")
        .contains("--assume-sorted is about the events file's order")
        .contains("--sort-memory sizes the events file's sort, but there is no --events FILE")
        .contains("--temp-dir is where the events file's sort spills, but there is no --events");
  }

  @Test
  void standaloneShouldNeedAnEventsFileAndADataDir(@TempDir Path dir) throws IOException {
    assertThat(
            run(2, "standalone", "--items", file(dir, "items.csv"), "--data-dir", dir.toString()))
        .contains("recsys standalone needs --events FILE");
    assertThat(run(2, "standalone", "--events", file(dir, "e.csv")))
        .contains("Missing required option: '--data-dir=DIR'");
  }

  @Test
  void standaloneShouldCheckEachOptionAgainstItsFileAsIngestDoes(@TempDir Path dir)
      throws IOException {
    assertThat(run(
            2,
            "standalone",
            "--events",
            file(dir, "e.jsonl"),
            "--items-map",
            "item_id=id",
            "--delimiter",
            ";",
            "--data-dir",
            dir.resolve("data").toString()))
        .contains("--items-map names the items file's columns, but there is no --items FILE")
        .contains("--delimiter applies to CSV files, and none is given");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void shouldRejectAnItemsMappingWithoutAnItemsFile(@TempDir Path dir) throws IOException {
    assertThat(run(2, "ingest", "--events", file(dir, "e.csv"), "--items-map", "item_id=id"))
        .contains("--items-map names the items file's columns, but there is no --items FILE");
  }

  @Test
  void shouldRejectSortSettingsWithAssumeSorted(@TempDir Path dir) throws IOException {
    assertThat(run(
            2, "ingest", "--events", file(dir, "e.csv"), "--assume-sorted", "--sort-memory", "1g"))
        .contains("size a sort that --assume-sorted skips");
  }

  @Test
  void shouldRejectADelimiterForJsonLines(@TempDir Path dir) throws IOException {
    assertThat(run(2, "ingest", "--events", file(dir, "e.jsonl"), "--delimiter", ";"))
        .contains("--delimiter applies to CSV files, and none is given");
  }

  @Test
  void shouldRejectASortMemoryThatIsNotASize(@TempDir Path dir) throws IOException {
    assertThat(run(2, "ingest", "--events", file(dir, "e.csv"), "--sort-memory", "lots"))
        .contains("'lots' is not a size; use bytes or a number with k, m or g");
  }

  @Test
  void shouldNameTheFileItCannotRead(@TempDir Path dir) {
    assertThat(run(2, "ingest", "--events", dir.resolve("missing.csv").toString()))
        .contains("cannot read " + dir.resolve("missing.csv").toAbsolutePath());
  }

  @Test
  void shouldReportEveryBadIntakeSettingAtOnce(@TempDir Path dir) throws IOException {
    Path config = Files.writeString(
        dir.resolve("recsys.properties"),
        String.join(
            "\n",
            "features.grace=soon",
            "features.dedupe-horizon=30m",
            "replay.max-refused-share=2"));
    assertThat(run(2, "--config", config.toString(), "ingest", "--events", file(dir, "e.csv")))
        .contains("features.grace (FEATURES_GRACE) must be a duration like 100ms, 2s, 1h, 7d")
        .contains(
            "replay.max-refused-share (REPLAY_MAX_REFUSED_SHARE) must be a share within " + "0..1");
  }

  @Test
  void shouldReportEveryBadAdmissionLimitAtOnce(@TempDir Path dir) throws IOException {
    Path config = Files.writeString(
        dir.resolve("recsys.properties"),
        "http.max-in-flight=0\nhttp.max-queue-time=0ms\ningest.max-in-flight=-3\n");
    assertThat(run(2, "--config", config.toString(), "ingest", "--events", file(dir, "e.csv")))
        .contains("http.max-in-flight must be >= 1, got 0")
        .contains("http.max-queue-time must be positive, got PT0S")
        .contains("ingest.max-in-flight must be >= 1, got -3");
  }

  @Test
  void shouldRequireTheDedupeHorizonToCoverTheGrace(@TempDir Path dir) throws IOException {
    Path config = Files.writeString(
        dir.resolve("recsys.properties"), "features.grace=2d\nfeatures.dedupe-horizon=1d\n");
    assertThat(run(2, "--config", config.toString(), "ingest", "--events", file(dir, "e.csv")))
        .contains("features.dedupe-horizon (PT24H) must be at least features.grace (PT48H)");
  }

  private static String file(Path dir, String name) throws IOException {
    return Files.writeString(dir.resolve(name), "").toString();
  }

  @Test
  void shouldSayHowToGetAModelWhenTheRegistryIsEmpty(@TempDir Path root) {
    assertThat(run(0, "models", "--registry", root.toString(), "list"))
        .contains("no ranker models yet: run 'recsys train-ranker --train DIR'");
  }

  @Test
  void shouldRefuseToPromoteAnUnknownVersion(@TempDir Path root) {
    assertThat(run(1, "models", "--registry", root.toString(), "promote", "ranker", "v1"))
        .contains("no ranker version 'v1'", "run 'recsys models list'");
  }

  @Test
  void shouldPointAtTheTrainingSetWhenItIsMissing(@TempDir Path root) {
    assertThat(run(1, "train-ranker", "--train", root.resolve("none").toString()))
        .contains("point --train at a directory written by replay");
  }
}
