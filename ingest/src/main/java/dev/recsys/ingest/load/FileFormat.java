package dev.recsys.ingest.load;

import java.nio.file.Path;
import java.util.Locale;

/** Formats the loader reads. */
public enum FileFormat {
  CSV,
  JSONL;

  /** Guesses from the extension: {@code .csv}/{@code .tsv} or {@code .jsonl}/{@code .ndjson}. */
  public static FileFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".dat")) {
      return CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JSONL;
    }
    throw new IllegalArgumentException("cannot tell the format of " + file
        + " from its extension; pass --format csv or --format jsonl");
  }
}
