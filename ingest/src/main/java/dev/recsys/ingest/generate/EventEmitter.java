package dev.recsys.ingest.generate;

import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Instant;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Numbers interactions in emission order, turns them into Avro events for the sink, and tallies the
 * summary.
 */
final class EventEmitter {

  static final long PROGRESS_EVERY = 10_000;
  private static final int EVENT_ID_WIDTH = 9;
  private static final EventType[] TYPES = EventType.values();

  private final DatasetSink sink;
  private final Catalog catalog;
  private final List<UserProfile> users;
  private final LongConsumer eventsSoFar;
  private final long[] countsByType = new long[TYPES.length];
  private final BitSet activeUsers = new BitSet();
  private long emitted;
  private long firstAt;
  private long lastAt;

  EventEmitter(
      DatasetSink sink, Catalog catalog, List<UserProfile> users, LongConsumer eventsSoFar) {
    this.sink = sink;
    this.catalog = catalog;
    this.users = users;
    this.eventsSoFar = eventsSoFar;
  }

  void emit(Interaction e) {
    emitted++;
    sink.event(new UserEvent(
        Ids.of('e', emitted, EVENT_ID_WIDTH),
        users.get(e.user()).id(),
        catalog.item(e.item()).id(),
        e.type(),
        e.value(),
        Instant.ofEpochMilli(e.at()),
        e.sessionId(),
        e.device().context(),
        null));
    countsByType[e.type().ordinal()]++;
    activeUsers.set(e.user());
    firstAt = emitted == 1 ? e.at() : firstAt;
    lastAt = e.at();
    if (emitted % PROGRESS_EVERY == 0) {
      eventsSoFar.accept(emitted);
    }
  }

  /**
   * Reports the final count and summarizes; an empty data set's time range collapses to {@code
   * periodStart}.
   */
  DatasetSummary finish(long periodStart) {
    eventsSoFar.accept(emitted);
    Map<EventType, Long> byType = new EnumMap<>(EventType.class);
    for (EventType type : TYPES) {
      if (countsByType[type.ordinal()] > 0) {
        byType.put(type, countsByType[type.ordinal()]);
      }
    }
    long first = emitted == 0 ? periodStart : firstAt;
    long last = emitted == 0 ? periodStart : lastAt;
    return new DatasetSummary(
        catalog.size(),
        users.size(),
        activeUsers.cardinality(),
        byType,
        Instant.ofEpochMilli(first),
        Instant.ofEpochMilli(last));
  }
}
