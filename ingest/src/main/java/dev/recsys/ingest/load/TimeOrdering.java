package dev.recsys.ingest.load;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Whether an events file is put in event-time order before it is published, and with how much
 * memory (beyond it, sorted runs spill to {@code tempDir}). The feature pipeline refuses an event
 * that comes more than its grace period after a newer one on its partition, so a history file
 * ordered by user or by id must be sorted; {@link #AS_IS} trusts a file already in time order.
 */
public record TimeOrdering(boolean sortByTime, long memoryBytes, Path tempDir) {
  public static final long DEFAULT_MEMORY_BYTES = 256L << 20;
  /** Publish in file order: for a file known to be in event-time order. */
  public static final TimeOrdering AS_IS =
      new TimeOrdering(false, DEFAULT_MEMORY_BYTES, defaultTempDir());

  public TimeOrdering {
    requireNonNull(tempDir, "tempDir");
    if (memoryBytes < 1 << 20) {
      throw new IllegalArgumentException(
          "the sort memory must be at least 1 MiB, got " + memoryBytes + " bytes");
    }
  }

  /** Sorts by event time in {@link #DEFAULT_MEMORY_BYTES}, spilling to the JVM's temp dir. */
  public static TimeOrdering sorted() {
    return new TimeOrdering(true, DEFAULT_MEMORY_BYTES, defaultTempDir());
  }

  public TimeOrdering withMemory(long bytes) {
    return new TimeOrdering(sortByTime, bytes, tempDir);
  }

  public TimeOrdering withTempDir(Path dir) {
    return new TimeOrdering(sortByTime, memoryBytes, dir);
  }

  private static Path defaultTempDir() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
