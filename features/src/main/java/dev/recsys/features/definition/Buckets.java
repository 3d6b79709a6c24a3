package dev.recsys.features.definition;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Event counts in fixed-size time buckets, sparse and sorted by bucket start. A window sum counts
 * every bucket that overlaps the window, so a count is exact to one bucket. Mutable; not shared.
 */
final class Buckets {
  private final long bucketMillis;
  private long[] starts;
  private int[] counts;
  private int size;

  Buckets(long bucketMillis) {
    this(bucketMillis, new long[4], new int[4], 0);
  }

  private Buckets(long bucketMillis, long[] starts, int[] counts, int size) {
    this.bucketMillis = bucketMillis;
    this.starts = starts;
    this.counts = counts;
    this.size = size;
  }

  void add(long timestamp, int n) {
    long start = Math.floorDiv(timestamp, bucketMillis) * bucketMillis;
    int at = Arrays.binarySearch(starts, 0, size, start);
    if (at >= 0) {
      counts[at] += n;
      return;
    }
    int insert = -at - 1;
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    System.arraycopy(starts, insert, starts, insert + 1, size - insert);
    System.arraycopy(counts, insert, counts, insert + 1, size - insert);
    starts[insert] = start;
    counts[insert] = n;
    size++;
  }

  /** Events in buckets overlapping {@code (end - length, end]}. */
  long sum(long end, long length) {
    long from = end - length;
    long total = 0;
    for (int i = size - 1; i >= 0 && starts[i] + bucketMillis > from; i--) {
      if (starts[i] <= end) {
        total += counts[i];
      }
    }
    return total;
  }

  /** Drops buckets that end at or before {@code before}. */
  void pruneBefore(long before) {
    int keep = 0;
    while (keep < size && starts[keep] + bucketMillis <= before) {
      keep++;
    }
    if (keep > 0) {
      System.arraycopy(starts, keep, starts, 0, size - keep);
      System.arraycopy(counts, keep, counts, 0, size - keep);
      size -= keep;
    }
  }

  /** Compact: the first start, then each start as buckets after the previous, all varints. */
  void write(DataOutput out) throws IOException {
    Varints.write(out, size);
    if (size == 0) {
      return;
    }
    out.writeLong(starts[0]);
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        Varints.write(out, (starts[i] - starts[i - 1]) / bucketMillis);
      }
      Varints.write(out, counts[i]);
    }
  }

  static Buckets read(long bucketMillis, DataInput in) throws IOException {
    int size = (int) Varints.read(in);
    long[] starts = new long[Math.max(4, size)];
    int[] counts = new int[Math.max(4, size)];
    if (size > 0) {
      starts[0] = in.readLong();
    }
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        starts[i] = starts[i - 1] + Varints.read(in) * bucketMillis;
      }
      counts[i] = (int) Varints.read(in);
    }
    return new Buckets(bucketMillis, starts, counts, size);
  }
}
