package dev.recsys.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.Similarity;
import dev.recsys.features.pair.ItemVectors;
import dev.recsys.features.replay.LabelPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @Test
  void indexShouldGiveItsVectorsAndNothingForItemsItLacks(@TempDir Path dir) {
    AnnIndex.exact(
            2,
            List.of("a", "b"),
            List.of(new float[] {1, 2}, new float[] {3, 4}),
            Similarity.COSINE)
        .save(dir);

    ItemVectors vectors = ReplayCommand.vectors(AnnIndex.load(dir));

    assertThat(vectors.vector("b")).containsExactly(3, 4);
    assertThat(vectors.vector("b")).isSameAs(vectors.vector("b"));
    assertThat(vectors.vector("unknown")).isNull();
  }
}
