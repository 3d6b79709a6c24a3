package dev.recsys.ingest.http;

/** How large one ingest request may be. */
public record IngestLimits(int maxBodyBytes, int maxEntries) {
  public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  public static final IngestLimits DEFAULT =
      new IngestLimits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ENTRIES);

  public IngestLimits {
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("ingest.max-body-bytes must be at least 1024");
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("ingest.max-entries must be at least 1");
    }
  }
}
