package dev.recsys.features.offline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Decoded records of one partition waiting to be flushed: one file per event date among them.
 * Dates interleave in a partition (several stream tasks write the feature log, each at its own
 * point in event time; catalog updates carry any date), so a batch keeps every date open rather
 * than writing a file each time the date changes.
 */
final class Batch<T> {
  final int partition;
  final long startedNanos;
  /** By event date; a date whose records could not be decoded has an empty list. */
  final SortedMap<LocalDate, List<Entry<T>>> byDate = new TreeMap<>();

  long first = -1;
  long last = -1;
  int rows;

  Batch(int partition, long startedNanos) {
    this.partition = partition;
    this.startedNanos = startedNanos;
  }

  void add(long offset, LocalDate date, T value) {
    if (first < 0) {
      first = offset;
    }
    last = offset;
    List<Entry<T>> entries = byDate.computeIfAbsent(date, d -> new ArrayList<>());
    if (value != null) {
      entries.add(new Entry<>(offset, value));
      rows++;
    }
  }

  boolean isEmpty() {
    return first < 0;
  }

  /** A decoded record and its offset. */
  record Entry<T>(long offset, T value) {}
}
