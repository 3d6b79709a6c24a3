package dev.recsys.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The fault suite's short version in the build: a smaller data set and shorter phases, the same
 * scenarios and hypotheses (the console shows each one's measurement). Any hypothesis failing
 * fails the build.
 */
class ChaosIT {
  @Test
  void everyHypothesisShouldHoldInTheShortSuite(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("RELIABILITY.md");

    int exit = new CommandLine(new Chaos())
        .execute(
            "--short", "--work", dir.resolve("work").toString(), "--report", report.toString());

    String table = Files.readString(report);
    assertThat(table)
        .contains("overload 5x", "Redis slow, cut off, stopped", "Kafka broker restart")
        .contains("SIGKILL of recsys serve under load", "SIGKILL of one of two recsys features")
        .contains("offline store disk full")
        .doesNotContain("**failed**");
    assertThat(exit).as("the suite's exit code").isZero();
  }
}
