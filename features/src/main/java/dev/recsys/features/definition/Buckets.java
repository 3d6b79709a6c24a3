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
  /** The sum of every bucket held. */
  private long total;

  Buckets(long bucketMillis) {
    this(bucketMillis, new long[4], new int[4], 0);
  }

  private Buckets(long bucketMillis, long[] starts, int[] counts, int size) {
    this.bucketMillis = bucketMillis;
    this.starts = starts;
    this.counts = counts;
    this.size = size;
    for (int i = 0; i < size; i++) {
      total += counts[i];
    }
  }

  void add(long timestamp, int n) {
    long start = Math.floorDiv(timestamp, bucketMillis) * bucketMillis;
    int at = Arrays.binarySearch(starts, 0, size, start);
    total += n;
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

  /**
   * Events in buckets overlapping {@code (end - length, end]}. Whichever is fewer is added up:
   * the buckets inside the window, or those outside it taken from the total (a week of hour
   * buckets is 168 inside and usually none outside).
   */
  long sum(long end, long length) {
    int first = firstEndingAfter(end - length);
    int last = firstStartingAfter(end) - 1;
    if (last < first) {
      return 0;
    }
    int inside = last - first + 1;
    if (inside <= size - inside) {
      return range(first, last + 1);
    }
    return total - range(0, first) - range(last + 1, size);
  }

  private long range(int from, int to) {
    long sum = 0;
    for (int i = from; i < to; i++) {
      sum += counts[i];
    }
    return sum;
  }

  /** The index of the first bucket that ends after {@code time}, or {@code size}. */
  private int firstEndingAfter(long time) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (starts[mid] + bucketMillis > time) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** The index of the first bucket that starts after {@code time}, or {@code size}. */
  private int firstStartingAfter(long time) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (starts[mid] > time) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** Drops buckets that end at or before {@code before}. */
  void pruneBefore(long before) {
    int keep = 0;
    while (keep < size && starts[keep] + bucketMillis <= before) {
      keep++;
    }
    if (keep > 0) {
      total -= range(0, keep);
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
