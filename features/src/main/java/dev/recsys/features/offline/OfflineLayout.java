package dev.recsys.features.offline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where archived records live:
 * {@code <root>/<dataset>/date=YYYY-MM-DD/p007-<first>-<last>-n<files>.parquet}. One flush of a
 * partition covers the offsets {@code first..last} and writes one file per event date among
 * them, {@code files} in all, each under the same name in its date's directory. A file appears
 * under its final name only when complete (written as {@code .tmp}, then moved); a flush counts
 * once all its files are there. Files named without {@code -n} (older stores) are flushes of one.
 */
public record OfflineLayout(Path root) {
  public static final String FEATURE_LOG = "feature-log";
  public static final String EVENTS = "events";
  public static final String ITEMS = "items";
  private static final Pattern FILE =
      Pattern.compile("p(\\d+)-(\\d+)-(\\d+)(?:-n(\\d+))?\\.parquet");

  public OfflineLayout {
    requireNonNull(root, "offline.dir");
  }

  /** The file of one date of the flush of {@code partition}'s offsets {@code first..last}. */
  public Path file(
      String dataset, LocalDate date, int partition, long first, long last, int files) {
    return root.resolve(dataset)
        .resolve("date=" + date)
        .resolve(String.format("p%03d-%020d-%020d-n%d.parquet", partition, first, last, files));
  }

  /** The glob of every committed file of a dataset, for DuckDB's {@code read_parquet}. */
  public String glob(String dataset) {
    return root.resolve(dataset) + "/date=*/*.parquet";
  }

  public boolean hasFiles(String dataset) {
    return !files(dataset).isEmpty();
  }

  /** For each partition with complete flushes, the offset after the last one archived. */
  public Map<Integer, Long> resumeOffsets(String dataset) {
    Map<Integer, Long> next = new HashMap<>();
    flushes(dataset).forEach((flush, files) -> {
      if (files.size() == flush.files()) {
        next.merge(flush.partition(), flush.last() + 1, Math::max);
      }
    });
    return next;
  }

  /**
   * Deletes the files of {@code partition}'s flushes that a crash left with some of their files
   * missing: they are written again, whole, when the partition resumes.
   */
  public void deleteIncompleteFlushes(String dataset, int partition) {
    flushes(dataset).forEach((flush, files) -> {
      if (flush.partition() == partition && files.size() < flush.files()) {
        for (Path file : files) {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + " of an incomplete flush", e);
          }
        }
      }
    });
  }

  /** One flush of a partition, as its file names tell. */
  private record Flush(int partition, long first, long last, int files) {}

  private Map<Flush, List<Path>> flushes(String dataset) {
    Map<Flush, List<Path>> flushes = new HashMap<>();
    for (Path file : files(dataset)) {
      Matcher m = FILE.matcher(file.getFileName().toString());
      if (m.matches()) {
        Flush flush = new Flush(
            Integer.parseInt(m.group(1)),
            Long.parseLong(m.group(2)),
            Long.parseLong(m.group(3)),
            m.group(4) == null ? 1 : Integer.parseInt(m.group(4)));
        flushes.computeIfAbsent(flush, f -> new ArrayList<>()).add(file);
      }
    }
    return flushes;
  }

  /**
   * Deletes the files a crashed writer of {@code partition} left half-written. Only that
   * partition's: another instance sharing this directory may be writing its own right now.
   */
  public void deletePartialFiles(String dataset, int partition) {
    String prefix = String.format("p%03d-", partition);
    try (Stream<Path> all = walk(dataset)) {
      for (Path partial : all.filter(
              p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".tmp"))
          .toList()) {
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

  /**
   * The dataset's files, two levels deep. Another instance may move or delete a file while this
   * lists the directory; such a file is simply not listed.
   */
  private Stream<Path> walk(String dataset) {
    Path dir = root.resolve(dataset);
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> dates = Files.newDirectoryStream(dir)) {
      for (Path date : dates) {
        found.add(date);
        if (Files.isDirectory(date)) {
          try (DirectoryStream<Path> files = Files.newDirectoryStream(date)) {
            files.forEach(found::add);
          } catch (NoSuchFileException gone) {
            // removed meanwhile
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return found.stream();
  }
}
