package dev.recsys.candidates.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.candidates.ann.Similarity;
import dev.recsys.candidates.vectors.BenchmarkFiles;
import dev.recsys.candidates.vectors.ClusteredVectors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnBenchmarkTest {

  @Test
  void shouldPrintOneLinePerWidthInTheAgreedFormat(@TempDir Path dir) {
    BenchmarkFiles files = BenchmarkFiles.write(
        dir.resolve("data"),
        ClusteredVectors.of(16, 1).withClusters(10),
        2000,
        50,
        10,
        Similarity.COSINE::score);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    List<AnnBenchmark.Line> lines = AnnBenchmark.run(
        AnnBenchmark.Options.of(files.base(), files.query(), files.truth())
            .withWidths(List.of(10, 40))
            .withIndexDir(dir.resolve("index")),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .containsPattern("build_s=\\d+\\.\\d\\d")
        .containsPattern("load_s=\\d+\\.\\d\\d size=2000")
        .containsPattern(
            "(?m)^width=10 recall@10=\\d\\.\\d{4} p50_us=\\d+\\.\\d p99_us=\\d+\\.\\d$")
        .containsPattern("(?m)^width=40 recall@10=");
    assertThat(lines.get(1).recall()).isGreaterThanOrEqualTo(0.95);
  }
}
