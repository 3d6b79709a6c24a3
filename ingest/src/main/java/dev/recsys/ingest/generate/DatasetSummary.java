package dev.recsys.ingest.generate;

import dev.recsys.schemas.avro.EventType;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a generator run emitted.
 *
 * @param items items emitted
 * @param users user profiles simulated
 * @param activeUsers users with at least one event
 * @param eventsByType event counts; types that never occurred are absent
 * @param firstEvent timestamp of the first event, or the period start when there is none
 * @param lastEvent timestamp of the last event, or the period start when there is none
 */
public record DatasetSummary(
    int items,
    int users,
    int activeUsers,
    Map<EventType, Long> eventsByType,
    Instant firstEvent,
    Instant lastEvent) {

  public DatasetSummary {
    EnumMap<EventType, Long> copy = new EnumMap<>(EventType.class);
    copy.putAll(Objects.requireNonNull(eventsByType, "eventsByType"));
    eventsByType = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(firstEvent, "firstEvent");
    Objects.requireNonNull(lastEvent, "lastEvent");
  }

  public long events() {
    return eventsByType.values().stream().mapToLong(Long::longValue).sum();
  }

  public long count(EventType type) {
    return eventsByType.getOrDefault(type, 0L);
  }
}
