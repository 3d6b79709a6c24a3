package dev.recsys.features.definition;

import dev.recsys.schemas.avro.EventType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of the funnel event types over the sliding {@link Window}s: minute buckets for the last
 * hour, hour buckets for the last week.
 */
final class WindowCounts {
  /** The event types counted per window. */
  static final List<EventType> COUNTED =
      List.of(EventType.VIEW, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE);
  /** {@link #COUNTED} as an array, for the loops that run per event. */
  static final EventType[] COUNTED_TYPES = COUNTED.toArray(EventType[]::new);

  private static final long MINUTE = Window.H1.bucketMillis();
  private static final long HOUR = Window.D7.bucketMillis();

  private final Map<EventType, Buckets> minutes = new EnumMap<>(EventType.class);
  private final Map<EventType, Buckets> hours = new EnumMap<>(EventType.class);

  WindowCounts() {
    for (EventType type : COUNTED) {
      minutes.put(type, new Buckets(MINUTE));
      hours.put(type, new Buckets(HOUR));
    }
  }

  void add(EventType type, long timestamp, long latest) {
    if (!COUNTED.contains(type)) {
      return;
    }
    minutes.get(type).add(timestamp, 1);
    hours.get(type).add(timestamp, 1);
    minutes.get(type).pruneBefore(latest - Window.H1.millis());
    hours.get(type).pruneBefore(latest - Window.D7.millis());
  }

  long count(EventType type, Window window, long asOf) {
    Buckets buckets = window == Window.H1 ? minutes.get(type) : hours.get(type);
    return buckets.sum(asOf, window.millis());
  }

  void write(DataOutput out) throws IOException {
    for (EventType type : COUNTED) {
      minutes.get(type).write(out);
      hours.get(type).write(out);
    }
  }

  static WindowCounts read(DataInput in) throws IOException {
    WindowCounts counts = new WindowCounts();
    for (EventType type : COUNTED) {
      counts.minutes.put(type, Buckets.read(MINUTE, in));
      counts.hours.put(type, Buckets.read(HOUR, in));
    }
    return counts;
  }
}
