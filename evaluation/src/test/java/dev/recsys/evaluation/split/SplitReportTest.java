package dev.recsys.evaluation.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitReportTest {
  private static final String HOSTILE = "<script>alert('x')</script>\"&";

  @Test
  void shouldEscapeWhatItWritesIntoTheReport(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("report.html");

    SplitReport.writeHtml(List.of(), HOSTILE, List.of("--ingest " + HOSTILE), file);

    String html = Files.readString(file);
    assertThat(html).doesNotContain("<script>", "'x'", "\"&");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;");
  }
}
