package dev.recsys.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs recsys in-process as a test would from a shell: its exit code checked, its output kept. */
final class CliRun {
  private CliRun() {}

  /** Returns what the command printed (commands print to System.out, errors to picocli's err). */
  static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cmd = Recsys.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(out));
    PrintStream systemOut = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThat(cmd.execute(args)).as(out + printed.toString()).isEqualTo(expectedExit);
    } finally {
      System.setOut(systemOut);
    }
    return printed + out.toString();
  }
}
