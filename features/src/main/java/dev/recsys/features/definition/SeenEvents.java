package dev.recsys.features.definition;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The event ids one entity has seen within a horizon, so that the same event applied twice is a
 * no-op. Ids are kept as 64-bit hashes with their event time: about 13 bytes each when written.
 * An id is remembered until it is more than the horizon (plus an eighth of it, so the sweep runs
 * once per eighth of a horizon, not once per event) behind the entity's latest event, and at most
 * {@link #MAX_IDS} are kept: past that the first quarter added is forgotten, so one busy id (a bot,
 * a shared "anonymous" user) cannot grow a state past what a Kafka record holds. What is
 * remembered depends only on the ids and times added, in their order, so a state written and read
 * back decides alike.
 */
public final class SeenEvents {
  /** The most ids kept: about 130 KB written. A resend of an id forgotten early counts again. */
  public static final int MAX_IDS = 10_000;

  private static final int MIN_TABLE = 8;
  private long[] hashes = new long[4];
  private long[] times = new long[4];
  private int size;
  /** Open addressing over the hashes (0 = empty slot); rebuilt at half full and after a sweep. */
  private long[] table = new long[MIN_TABLE];

  private long oldest = Long.MAX_VALUE;

  /**
   * Remembers the id at {@code time}, forgetting ids older than the horizon behind {@code latest}.
   *
   * @return false, changing nothing, if the id was already seen
   */
  public boolean add(String eventId, long time, long latest, long horizon) {
    long hash = hash(eventId);
    if (contains(hash)) {
      return false;
    }
    if (oldest < latest - horizon - horizon / 8) {
      sweep(latest - horizon);
    }
    if (size == MAX_IDS) {
      forgetFirst(MAX_IDS / 4);
    }
    if (size == hashes.length) {
      hashes = Arrays.copyOf(hashes, size * 2);
      times = Arrays.copyOf(times, size * 2);
    }
    hashes[size] = hash;
    times[size] = time;
    size++;
    oldest = Math.min(oldest, time);
    if (size * 2 > table.length) {
      rebuild();
    } else {
      insert(table, hash);
    }
    return true;
  }

  public int size() {
    return size;
  }

  private boolean contains(long hash) {
    int mask = table.length - 1;
    for (int slot = (int) hash & mask; table[slot] != 0; slot = (slot + 1) & mask) {
      if (table[slot] == hash) {
        return true;
      }
    }
    return false;
  }

  private void sweep(long before) {
    int kept = 0;
    long min = Long.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      if (times[i] >= before) {
        hashes[kept] = hashes[i];
        times[kept] = times[i];
        min = Math.min(min, times[i]);
        kept++;
      }
    }
    size = kept;
    oldest = min;
    rebuild();
  }

  private void forgetFirst(int n) {
    System.arraycopy(hashes, n, hashes, 0, size - n);
    System.arraycopy(times, n, times, 0, size - n);
    size -= n;
    long min = Long.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      min = Math.min(min, times[i]);
    }
    oldest = min;
    rebuild();
  }

  private void rebuild() {
    int capacity = MIN_TABLE;
    while (capacity < size * 4) {
      capacity <<= 1;
    }
    table = new long[capacity];
    for (int i = 0; i < size; i++) {
      insert(table, hashes[i]);
    }
  }

  private static void insert(long[] table, long hash) {
    int mask = table.length - 1;
    int slot = (int) hash & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = hash;
  }

  /** {@link Hash64} of the id, never 0 (an empty slot). */
  static long hash(String eventId) {
    long h = Hash64.of(eventId);
    return h == 0 ? 1 : h;
  }

  /** Times are written as their distance back from {@code latest}, the entity's latest event. */
  void write(DataOutput out, long latest) throws IOException {
    Varints.write(out, size);
    for (int i = 0; i < size; i++) {
      out.writeLong(hashes[i]);
      Varints.write(out, latest - times[i]);
    }
  }

  static SeenEvents read(DataInput in, long latest) throws IOException {
    SeenEvents seen = new SeenEvents();
    int size = (int) Varints.read(in);
    seen.hashes = new long[Math.max(4, size)];
    seen.times = new long[Math.max(4, size)];
    for (int i = 0; i < size; i++) {
      seen.hashes[i] = in.readLong();
      seen.times[i] = latest - Varints.read(in);
      seen.oldest = Math.min(seen.oldest, seen.times[i]);
    }
    seen.size = size;
    seen.rebuild();
    return seen;
  }
}
