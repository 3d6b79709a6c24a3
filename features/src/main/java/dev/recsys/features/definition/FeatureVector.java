package dev.recsys.features.definition;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The feature values of one user or item as of its last event ({@code updatedAt}), plus, for a
 * user, the last items they interacted with. {@link #at(long)} brings the time-dependent values to
 * a later moment; serving calls it at request time and replay at the labelled moment, so both see
 * the same numbers.
 */
public record FeatureVector(
    EntityKind kind,
    String id,
    long updatedAt,
    SortedMap<String, Double> values,
    List<RecentInteraction> recent) {

  public static final String SECONDS_SINCE_LAST_EVENT = "seconds_since_last_event";

  public FeatureVector {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    recent = List.copyOf(recent);
  }

  /** The values as of {@code time}: decayed scores decay further, time since last event grows. */
  public FeatureVector at(long time) {
    long elapsed = Math.max(0, time - updatedAt);
    SortedMap<String, Double> moved = new TreeMap<>(values);
    moved.replaceAll((name, value) -> decay(name, value, elapsed));
    moved.put(kind.prefix() + SECONDS_SINCE_LAST_EVENT, elapsed / 1000.0);
    return new FeatureVector(kind, id, updatedAt, moved, recent);
  }

  public double get(String name) {
    return values.getOrDefault(name, 0.0);
  }

  /** The half-life of feature {@code name} in ms, or 0 when it does not decay. */
  public static long halfLifeMillis(String name) {
    Duration halfLife = FeatureNames.halfLife(name);
    return halfLife == null ? 0 : halfLife.toMillis();
  }

  private static double decay(String name, double value, long elapsed) {
    Duration halfLife = FeatureNames.halfLife(name);
    return halfLife == null || elapsed == 0
        ? value
        : value * Math.pow(0.5, (double) elapsed / halfLife.toMillis());
  }

  /** What a vector describes; its names start with {@link #prefix()}. */
  public enum EntityKind {
    USER("user."),
    ITEM("item.");

    private final String prefix;

    EntityKind(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }
}
