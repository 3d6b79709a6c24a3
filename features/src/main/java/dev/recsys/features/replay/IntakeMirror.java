package dev.recsys.features.replay;

import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.intake.RefusalReason;
import dev.recsys.schemas.CodecException;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.validation.EventRules;
import java.time.Instant;
import java.util.EnumMap;
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
  private final IntakePolicy policy;
  private final Map<Integer, Long> watermarks = new HashMap<>();
  private final Map<String, Long> seen = new HashMap<>();
  private final Map<RefusalReason, Long> refused = new EnumMap<>(RefusalReason.class);
  private long duplicates;
  private long sinceSweep;

  IntakeMirror(IntakePolicy policy) {
    this.policy = policy;
  }

  /** The decoded event if the stream would have accepted it, else null. */
  UserEvent accept(SourcedEvent record) {
    UserEvent event;
    try {
      event = Codecs.USER_EVENT.decode(record.value());
    } catch (CodecException e) {
      return refuse(RefusalReason.UNDECODABLE);
    }
    if (!EventRules.check(event, Instant.ofEpochMilli(record.recordTimestamp())).isEmpty()) {
      return refuse(RefusalReason.INVALID);
    }
    long time = event.getTimestamp().toEpochMilli();
    Long first = seen.get(event.getEventId());
    if (first != null && Math.abs(time - first) <= policy.dedupeHorizon().toMillis()) {
      duplicates++;
      return null;
    }
    Long watermark = watermarks.get(record.partition());
    if (watermark != null && time < watermark - policy.grace().toMillis()) {
      return refuse(RefusalReason.LATE);
    }
    if (watermark == null || time > watermark) {
      watermarks.put(record.partition(), time);
    }
    seen.put(event.getEventId(), time);
    sweep();
    return event;
  }

  /** The partition's watermark, or {@link Long#MIN_VALUE} before its first accepted event. */
  long watermark(int partition) {
    return watermarks.getOrDefault(partition, Long.MIN_VALUE);
  }

  long grace() {
    return policy.grace().toMillis();
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
    if (++sinceSweep < 100_000 || watermarks.isEmpty()) {
      return;
    }
    sinceSweep = 0;
    long oldest = watermarks.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    long forgetBefore = oldest - policy.grace().toMillis() - policy.dedupeHorizon().toMillis();
    for (Iterator<Long> times = seen.values().iterator(); times.hasNext(); ) {
      if (times.next() < forgetBefore) {
        times.remove();
      }
    }
  }
}
