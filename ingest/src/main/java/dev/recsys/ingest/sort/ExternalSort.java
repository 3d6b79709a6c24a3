package dev.recsys.ingest.sort;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Sorts records by key in bounded memory. Records are buffered until {@code memoryBytes} is
 * reached, then sorted and spilled to a run file in a private temporary directory; {@link
 * #sorted()} merges the runs (at most {@link #MAX_FAN_IN} at a time, in extra passes when there
 * are more) with what is still in memory. The sort is stable: records with equal keys come out in
 * the order they were added. {@link #close()} deletes every temporary file.
 *
 * <pre>{@code
 * try (ExternalSort sort = ExternalSort.create(256 << 20, tmp)) {
 *   rows.forEach(r -> sort.add(r.time(), r.bytes()));
 *   sort.sorted().forEachRemaining(publish);
 * }
 * }</pre>
 */
public final class ExternalSort implements Closeable {
  /** Runs merged at once; each open run holds a read buffer. */
  static final int MAX_FAN_IN = 64;
  /** Bytes a buffered record costs beyond its payload (record, array header, reference). */
  static final int RECORD_OVERHEAD = 56;

  private static final int MAX_READ_BUFFER = 1 << 16;
  private static final int MIN_READ_BUFFER = 1 << 12;
  private static final Comparator<KeyedRecord> BY_KEY = Comparator.comparingLong(KeyedRecord::key);
  private final long memoryBytes;
  private final Path dir;
  private final List<RunFile> runs = new ArrayList<>();
  private final List<RunFile.Cursor> open = new ArrayList<>();
  private List<KeyedRecord> buffer = new ArrayList<>();
  private long buffered;
  private long records;
  private long spilledBytes;
  private int mergePasses;
  private int runsWritten;
  private boolean reading;

  private ExternalSort(long memoryBytes, Path dir) {
    this.memoryBytes = memoryBytes;
    this.dir = dir;
  }

  /**
   * A sort that keeps at most about {@code memoryBytes} of records in memory, spilling to a new
   * directory under {@code tempRoot}.
   */
  public static ExternalSort create(long memoryBytes, Path tempRoot) {
    requireNonNull(tempRoot, "tempRoot");
    if (memoryBytes < MIN_READ_BUFFER) {
      throw new IllegalArgumentException(
          "the sort's memory must be at least " + MIN_READ_BUFFER + " bytes, got " + memoryBytes);
    }
    try {
      Files.createDirectories(tempRoot);
      return new ExternalSort(memoryBytes, Files.createTempDirectory(tempRoot, "recsys-sort-"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create a temporary directory for the sort under " + tempRoot
              + "; pass another one",
          e);
    }
  }

  public void add(long key, byte[] payload) {
    if (reading) {
      throw new IllegalStateException("add after sorted(): a sort is read once, at the end");
    }
    buffer.add(new KeyedRecord(key, payload));
    buffered += payload.length + RECORD_OVERHEAD;
    records++;
    if (buffered >= memoryBytes) {
      spill();
    }
  }

  /** Every record added, in key order (stable); call once, after the last {@link #add}. */
  public Iterator<KeyedRecord> sorted() {
    if (reading) {
      throw new IllegalStateException("sorted() was already called");
    }
    reading = true;
    buffer.sort(BY_KEY);
    if (runs.isEmpty()) {
      return buffer.iterator();
    }
    while (runs.size() + 1 > MAX_FAN_IN) {
      mergeFirstRuns();
    }
    List<Iterator<KeyedRecord>> sources = new ArrayList<>();
    runs.forEach(run -> sources.add(cursor(run, runs.size() + 1)));
    sources.add(buffer.iterator());
    return new Merge(sources);
  }

  public SortStats stats() {
    return new SortStats(records, runsWritten, spilledBytes, mergePasses);
  }

  private void spill() {
    buffer.sort(BY_KEY);
    RunFile run = RunFile.write(dir, buffer.iterator());
    runs.add(run);
    runsWritten++;
    spilledBytes += run.bytes();
    buffer = new ArrayList<>();
    buffered = 0;
  }

  /** Merges the first {@link #MAX_FAN_IN} runs into one, keeping the runs' order. */
  private void mergeFirstRuns() {
    List<RunFile> first = new ArrayList<>(runs.subList(0, MAX_FAN_IN));
    List<Iterator<KeyedRecord>> sources = new ArrayList<>();
    first.forEach(run -> sources.add(cursor(run, MAX_FAN_IN)));
    RunFile merged = RunFile.write(dir, new Merge(sources));
    first.forEach(RunFile::delete);
    runs.subList(0, MAX_FAN_IN).clear();
    runs.add(0, merged);
    spilledBytes += merged.bytes();
    mergePasses++;
  }

  private Iterator<KeyedRecord> cursor(RunFile run, int fanIn) {
    int size = (int) Math.max(MIN_READ_BUFFER, Math.min(MAX_READ_BUFFER, memoryBytes / fanIn));
    RunFile.Cursor cursor = run.open(size);
    open.add(cursor);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (cursor.head() == null) {
          cursor.close();
          return false;
        }
        return true;
      }

      @Override
      public KeyedRecord next() {
        KeyedRecord head = cursor.head();
        if (head == null) {
          throw new NoSuchElementException();
        }
        cursor.advance();
        return head;
      }
    };
  }

  @Override
  public void close() {
    buffer = List.of();
    open.forEach(RunFile.Cursor::close);
    open.clear();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the sort's temporary files in " + dir, e);
    }
  }
}
