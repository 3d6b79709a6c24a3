package dev.recsys.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
        "dlq");
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
}
