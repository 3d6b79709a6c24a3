package dev.recsys.features.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineLayoutTest {
  @TempDir
  Path root;

  @Test
  void shouldResumeEachPartitionAfterItsLastFileAcrossDates() throws IOException {
    OfflineLayout layout = new OfflineLayout(root);
    touch(layout.file("events", LocalDate.parse("2026-11-01"), 0, 0, 99, 1));
    touch(layout.file("events", LocalDate.parse("2026-11-01"), 0, 100, 180, 2));
    touch(layout.file("events", LocalDate.parse("2026-11-02"), 0, 100, 180, 2));
    touch(layout.file("events", LocalDate.parse("2026-11-01"), 3, 7, 7, 1));

    assertThat(layout.resumeOffsets("events")).isEqualTo(Map.of(0, 181L, 3, 8L));
    assertThat(layout.resumeOffsets("feature-log")).isEmpty();
    assertThat(
            layout.file("events", LocalDate.parse("2026-11-02"), 0, 100, 180, 2).toString())
        .endsWith("events/date=2026-11-02/"
            + "p000-00000000000000000100-00000000000000000180-n2.parquet");
  }

  @Test
  void shouldDeleteHalfWrittenFilesAndIgnoreThemWhenResuming() throws IOException {
    OfflineLayout layout = new OfflineLayout(root);
    Path done = layout.file("events", LocalDate.parse("2026-11-01"), 1, 0, 9, 1);
    touch(done);
    Path partial =
        done.resolveSibling("p001-00000000000000000010-00000000000000000019.parquet.tmp");
    touch(partial);

    Path othersPartial =
        done.resolveSibling("p002-00000000000000000010-00000000000000000019.parquet.tmp");
    touch(othersPartial);

    assertThat(layout.resumeOffsets("events")).isEqualTo(Map.of(1, 10L));
    layout.deletePartialFiles("events", 1);
    assertThat(partial).doesNotExist();
    assertThat(done).exists();
    assertThat(othersPartial)
        .as("another instance sharing the directory may be writing partition 2's file")
        .exists();
  }

  @Test
  void shouldResumeBeforeAFlushACrashLeftIncompleteAndDeleteItsFiles() throws IOException {
    OfflineLayout layout = new OfflineLayout(root);
    Path complete = layout.file("feature-log", LocalDate.parse("2026-11-01"), 2, 0, 49, 1);
    Path orphan = layout.file("feature-log", LocalDate.parse("2026-11-02"), 2, 50, 99, 3);
    Path other = layout.file("feature-log", LocalDate.parse("2026-11-03"), 2, 50, 99, 3);
    Path elsewhere = layout.file("feature-log", LocalDate.parse("2026-11-02"), 5, 50, 99, 2);
    for (Path file : List.of(complete, orphan, other, elsewhere)) {
      touch(file);
    }

    assertThat(layout.resumeOffsets("feature-log")).isEqualTo(Map.of(2, 50L));
    layout.deleteIncompleteFlushes("feature-log", 2);
    assertThat(orphan).doesNotExist();
    assertThat(other).doesNotExist();
    assertThat(complete).exists();
    assertThat(elsewhere)
        .as("another partition's flush is its owner's to clean")
        .exists();
  }

  @Test
  void shouldReadFilesNamedWithoutACountAsFlushesOfOne() throws IOException {
    OfflineLayout layout = new OfflineLayout(root);
    touch(root.resolve("events/date=2026-11-01")
        .resolve("p004-00000000000000000000-00000000000000000041.parquet"));

    assertThat(layout.resumeOffsets("events")).isEqualTo(Map.of(4, 42L));
  }

  private static void touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
  }
}
