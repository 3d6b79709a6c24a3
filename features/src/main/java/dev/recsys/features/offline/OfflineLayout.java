package dev.recsys.features.offline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where archived records live: {@code <root>/<dataset>/date=YYYY-MM-DD/p007-<first>-<last>.parquet}.
 * A file appears under its final name only when complete (it is written as {@code .tmp} and
 * moved), so readers globbing {@code *.parquet} see committed files only.
 */
public record OfflineLayout(Path root) {
  public static final String FEATURE_LOG = "feature-log";
  public static final String EVENTS = "events";
  public static final String ITEMS = "items";
  private static final Pattern FILE = Pattern.compile("p(\\d+)-(\\d+)-(\\d+)\\.parquet");

  public OfflineLayout {
    requireNonNull(root, "offline.dir");
  }

  public Path file(String dataset, LocalDate date, int partition, long first, long last) {
    return root.resolve(dataset).resolve("date=" + date)
        .resolve(String.format("p%03d-%020d-%020d.parquet", partition, first, last));
  }

  /** The glob of every committed file of a dataset, for DuckDB's {@code read_parquet}. */
  public String glob(String dataset) {
    return root.resolve(dataset) + "/date=*/*.parquet";
  }

  public boolean hasFiles(String dataset) {
    return !files(dataset).isEmpty();
  }

  /** For each partition with files, the offset after the last one archived. */
  public Map<Integer, Long> resumeOffsets(String dataset) {
    Map<Integer, Long> next = new HashMap<>();
    for (Path file : files(dataset)) {
      Matcher m = FILE.matcher(file.getFileName().toString());
      if (m.matches()) {
        next.merge(Integer.parseInt(m.group(1)), Long.parseLong(m.group(3)) + 1, Math::max);
      }
    }
    return next;
  }

  /** Deletes files a crashed writer left half-written. */
  public void deletePartialFiles(String dataset) {
    try (Stream<Path> all = walk(dataset)) {
      for (Path partial : all.filter(p -> p.toString().endsWith(".tmp")).toList()) {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean partial files under " + root, e);
    }
  }

  private List<Path> files(String dataset) {
    try (Stream<Path> all = walk(dataset)) {
      return all.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).toList();
    }
  }

  private Stream<Path> walk(String dataset) {
    Path dir = root.resolve(dataset);
    try {
      return Files.isDirectory(dir) ? Files.walk(dir, 2) : Stream.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
