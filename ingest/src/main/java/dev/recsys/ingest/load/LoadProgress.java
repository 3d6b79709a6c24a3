package dev.recsys.ingest.load;

/**
 * What a load reports as it goes: the file bytes read, then, for an events file sorted by time,
 * the records published out of the sort.
 */
public interface LoadProgress {
  LoadProgress NONE = bytes -> {};

  /** Bytes of the file consumed so far. */
  void read(long bytes);

  /** The file is read and sorted; {@code total} records are about to be published. */
  default void publishing(long total) {}

  /** Records published out of the sort so far. */
  default void published(long records) {}
}
