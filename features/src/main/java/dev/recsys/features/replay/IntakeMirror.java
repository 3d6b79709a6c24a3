package dev.recsys.features.replay;

import dev.recsys.features.definition.SeenEvents;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.intake.RefusalReason;
import dev.recsys.schemas.avro.UserEvent;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The stream's intake decisions, made again in each partition's offset order: undecodable and
 * invalid records are refused, an event more than the grace period behind its partition's
 * watermark (the latest accepted event time) is late, and an {@code event_id} its user's state
 * has seen is a duplicate. The ids are kept as the user states keep them ({@link SeenEvents}, over
 * the user's latest event), so each decision is the stream's, in the stream's order.
 */
final class IntakeMirror {
  private final long grace;
  private final long horizon;
  /** By partition; {@link Long#MIN_VALUE} before a partition's first accepted event. */
  private long[] watermarks = new long[0];

  private final Map<String, UserIds> users = new HashMap<>();
  private final Map<RefusalReason, Long> refused = new EnumMap<>(RefusalReason.class);
  private long duplicates;

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
    long watermark = watermark(record.partition());
    if (watermark != Long.MIN_VALUE && time < watermark - grace) {
      return refuse(RefusalReason.LATE);
    }
    if (time > watermark) {
      watermarks[record.partition()] = time;
    }
    if (!users
        .computeIfAbsent(event.getUserId(), user -> new UserIds())
        .add(event.getEventId(), time, horizon)) {
      duplicates++;
      return null;
    }
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

  /** A user's event ids as the user's state keeps them. */
  private static final class UserIds {
    private final SeenEvents seen = new SeenEvents();
    private long latest = Long.MIN_VALUE;

    boolean add(String eventId, long time, long horizon) {
      long after = Math.max(latest, time);
      if (!seen.add(eventId, time, after, horizon)) {
        return false;
      }
      latest = after;
      return true;
    }
  }
}
