package dev.recsys.features.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineLayoutTest {
  @TempDir
  Path root;

  @Test
  void shouldResumeEachPartitionAfterItsLastFileAcrossDates() throws IOException {
    OfflineLayout layout = new OfflineLayout(root);
    touch(layout.file("events", LocalDate.parse("2026-11-01"), 0, 0, 99));
    touch(layout.file("events", LocalDate.parse("2026-11-02"), 0, 100, 180));
    touch(layout.file("events", LocalDate.parse("2026-11-01"), 3, 7, 7));

    assertThat(layout.resumeOffsets("events")).isEqualTo(Map.of(0, 181L, 3, 8L));
    assertThat(layout.resumeOffsets("feature-log")).isEmpty();
    assertThat(layout.file("events", LocalDate.parse("2026-11-02"), 0, 100, 180).toString())
        .endsWith("events/date=2026-11-02/p000-00000000000000000100-00000000000000000180.parquet");
  }

  @Test
  void shouldDeleteHalfWrittenFilesAndIgnoreThemWhenResuming() throws IOException {
    OfflineLayout layout = new OfflineLayout(root);
    Path done = layout.file("events", LocalDate.parse("2026-11-01"), 1, 0, 9);
    touch(done);
    Path partial = done.resolveSibling("p001-00000000000000000010-00000000000000000019.parquet.tmp");
    touch(partial);

    assertThat(layout.resumeOffsets("events")).isEqualTo(Map.of(1, 10L));
    layout.deletePartialFiles("events");
    assertThat(partial).doesNotExist();
    assertThat(done).exists();
  }

  private static void touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
  }
}
