package dev.recsys.features.offline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Decoded records of one partition and one event date, waiting to become one file. */
final class Batch<T> {
  final int partition;
  final LocalDate date;
  final long startedNanos;
  final List<Entry<T>> entries = new ArrayList<>();
  long first = -1;
  long last = -1;

  Batch(int partition, LocalDate date, long startedNanos) {
    this.partition = partition;
    this.date = date;
    this.startedNanos = startedNanos;
  }

  void add(long offset, T value) {
    if (first < 0) {
      first = offset;
    }
    last = offset;
    if (value != null) {
      entries.add(new Entry<>(offset, value));
    }
  }

  boolean isEmpty() {
    return first < 0;
  }

  /** A decoded record and its offset. */
  record Entry<T>(long offset, T value) {}
}
