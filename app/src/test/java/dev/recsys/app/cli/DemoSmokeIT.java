package dev.recsys.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code recsys demo --smoke} end to end: embedded runtime, sample data, HTTP checks. */
class DemoSmokeIT {
  @Test
  void shouldRunTheDemoLoopAndPassItsSmokeChecks() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      exit = Recsys.commandLine()
          .execute(
              "demo", "--smoke", "--port", "0", "--users", "300", "--items", "200", "--days", "7");
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    original.print(output);
    assertThat(exit).as(output).isZero();
    assertThat(output).contains("all acknowledged", "smoke test passed").doesNotContain("FAIL");
  }
}
