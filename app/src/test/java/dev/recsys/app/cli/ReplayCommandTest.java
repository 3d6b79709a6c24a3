package dev.recsys.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.features.replay.LabelPolicy;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayCommandTest {
  private static LabelPolicy parsed(String... args) {
    ReplayCommand command = new ReplayCommand();
    String[] all = new String[args.length + 2];
    all[0] = "--out";
    all[1] = "train";
    System.arraycopy(args, 0, all, 2, args.length);
    new CommandLine(command).parseArgs(all);
    return command.labels();
  }

  @Test
  void novelOnlyShouldDefaultToTheLabelPolicyDefault() {
    assertThat(parsed().novelOnly()).isEqualTo(LabelPolicy.DEFAULT.novelOnly()).isTrue();
  }

  @Test
  void noNovelOnlyShouldLabelRepeatsAndNovelOnlyShouldKeepTheDefault() {
    assertThat(parsed("--no-novel-only").novelOnly()).isFalse();
    assertThat(parsed("--novel-only").novelOnly()).isTrue();
  }
}
