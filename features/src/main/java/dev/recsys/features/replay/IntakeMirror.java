package dev.recsys.features.replay;

import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.intake.RefusalReason;
import dev.recsys.schemas.avro.UserEvent;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The stream's intake decisions, made again in each partition's offset order: undecodable and
 * invalid records are refused, an {@code event_id} seen within the horizon is a duplicate, and an
 * event more than the grace period behind its partition's watermark (the latest accepted event
 * time) is late. Event ids are forgotten once every partition's watermark has passed them by the
 * horizon plus the grace period.
 */
final class IntakeMirror {
  private final long grace;
  private final long horizon;
  /** By partition; {@link Long#MIN_VALUE} before a partition's first accepted event. */
  private long[] watermarks = new long[0];
  private final Map<String, Long> seen = new HashMap<>();
  private final Map<RefusalReason, Long> refused = new EnumMap<>(RefusalReason.class);
  private long duplicates;
  private long sinceSweep;

  IntakeMirror(IntakePolicy policy) {
    this.grace = policy.grace().toMillis();
    this.horizon = policy.dedupeHorizon().toMillis();
  }

  /** The decoded event if the stream would have accepted it, else null. */
  UserEvent accept(Judged record) {
    if (record.refusal() != null) {
      return refuse(record.refusal());
    }
    UserEvent event = record.event();
    long time = event.getTimestamp().toEpochMilli();
    Long first = seen.get(event.getEventId());
    if (first != null && Math.abs(time - first) <= horizon) {
      duplicates++;
      return null;
    }
    long watermark = watermark(record.partition());
    if (watermark != Long.MIN_VALUE && time < watermark - grace) {
      return refuse(RefusalReason.LATE);
    }
    if (time > watermark) {
      watermarks[record.partition()] = time;
    }
    seen.put(event.getEventId(), time);
    sweep();
    return event;
  }

  /** The partition's watermark, or {@link Long#MIN_VALUE} before its first accepted event. */
  long watermark(int partition) {
    if (partition >= watermarks.length) {
      int size = watermarks.length;
      watermarks = Arrays.copyOf(watermarks, partition + 1);
      Arrays.fill(watermarks, size, watermarks.length, Long.MIN_VALUE);
    }
    return watermarks[partition];
  }

  long grace() {
    return grace;
  }

  long duplicates() {
    return duplicates;
  }

  Map<RefusalReason, Long> refused() {
    return Map.copyOf(refused);
  }

  private UserEvent refuse(RefusalReason reason) {
    refused.merge(reason, 1L, Long::sum);
    return null;
  }

  private void sweep() {
    if (++sinceSweep < 100_000) {
      return;
    }
    sinceSweep = 0;
    // Partitions yet to accept anything are not waited for, as before their first event.
    long oldest = Arrays.stream(watermarks).filter(w -> w != Long.MIN_VALUE).min()
        .orElse(Long.MIN_VALUE);
    if (oldest == Long.MIN_VALUE) {
      return;
    }
    long forgetBefore = oldest - grace - horizon;
    for (Iterator<Long> times = seen.values().iterator(); times.hasNext(); ) {
      if (times.next() < forgetBefore) {
        times.remove();
      }
    }
  }
}
