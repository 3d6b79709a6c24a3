package dev.recsys.features.replay;

import dev.recsys.schemas.avro.UserEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges the partitions of the events topic into event-time order. Each partition is read in
 * offset order through the {@link IntakeMirror}; an accepted event waits in a buffer until no
 * partition can still deliver an earlier one. A partition's later events are at most the grace
 * period behind its watermark (the intake refuses any older), so everything older than the
 * lowest watermark minus the grace period is final. Ties in time keep (partition, offset) order.
 */
final class EventTimeMerge {
  private static final Comparator<Pending> ORDER = Comparator.comparingLong(Pending::time)
      .thenComparingInt(Pending::partition)
      .thenComparingLong(Pending::offset);
  private final List<Cursor> cursors = new ArrayList<>();
  private final PriorityQueue<Pending> buffer = new PriorityQueue<>(ORDER);
  private final IntakeMirror intake;
  private long read;

  EventTimeMerge(List<? extends Iterator<Judged>> partitions, IntakeMirror intake) {
    this.intake = intake;
    partitions.forEach(p -> cursors.add(new Cursor(p)));
  }

  /** The next accepted events sharing one event time, or an empty list at the end. */
  List<UserEvent> nextGroup() {
    while (true) {
      long bound = bound();
      if (!buffer.isEmpty() && buffer.peek().time() < bound) {
        return pollGroup();
      }
      Cursor cursor = slowest();
      if (cursor == null) {
        return buffer.isEmpty() ? List.of() : pollGroup();
      }
      Judged record = cursor.records.next();
      cursor.partition = record.partition();
      read++;
      UserEvent event = intake.accept(record);
      if (event != null) {
        buffer.add(new Pending(
            event.getTimestamp().toEpochMilli(), record.partition(), record.offset(), event));
      }
    }
  }

  /** Records read so far, accepted or not. */
  long read() {
    return read;
  }

  private List<UserEvent> pollGroup() {
    Pending first = buffer.poll();
    List<UserEvent> group = new ArrayList<>(2);
    group.add(first.event());
    while (!buffer.isEmpty() && buffer.peek().time() == first.time()) {
      group.add(buffer.poll().event());
    }
    return group;
  }

  /** Events older than this can no longer be preceded by an unread one. */
  private long bound() {
    long bound = Long.MAX_VALUE;
    for (Cursor cursor : cursors) {
      if (!cursor.records.hasNext()) {
        continue;
      }
      long watermark = cursor.partition < 0 ? Long.MIN_VALUE : intake.watermark(cursor.partition);
      if (watermark == Long.MIN_VALUE) {
        return Long.MIN_VALUE;
      }
      bound = Math.min(bound, watermark - intake.grace());
    }
    return bound;
  }

  /** The unfinished partition that is furthest behind, or null when all are read. */
  private Cursor slowest() {
    Cursor slowest = null;
    long lowest = Long.MAX_VALUE;
    for (Cursor cursor : cursors) {
      if (!cursor.records.hasNext()) {
        continue;
      }
      long watermark = cursor.partition < 0 ? Long.MIN_VALUE : intake.watermark(cursor.partition);
      if (slowest == null || watermark < lowest) {
        slowest = cursor;
        lowest = watermark;
      }
    }
    return slowest;
  }

  private static final class Cursor {
    private final Iterator<Judged> records;
    private int partition = -1;

    Cursor(Iterator<Judged> records) {
      this.records = records;
    }
  }

  private record Pending(long time, int partition, long offset, UserEvent event) {}
}
