package dev.recsys.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
    assertThat(run(0, "--help")).contains("demo", "serve", "features", "ingest", "generate",
        "dlq", "train-ranker", "models");
  }

  @Test
  void shouldExplainThatIngestNeedsSomethingToLoad() {
    assertThat(run(2, "ingest")).contains("nothing to load: pass --events FILE");
  }

  @Test
  void shouldRejectAnUnknownEventTypeOption() {
    assertThat(run(2, "ingest", "--events", "x.csv", "--type", "clik"))
        .contains("--type 'clik' is not a known event type");
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
