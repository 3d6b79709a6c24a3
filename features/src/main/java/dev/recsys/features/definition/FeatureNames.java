package dev.recsys.features.definition;

import dev.recsys.schemas.avro.EventType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The names of the features, in one place. */
public final class FeatureNames {
  public static final String USER_AFFINITY_PREFIX = "user.affinity.";
  public static final String USER_EVENTS_TOTAL = "user.events_total";
  public static final String USER_SESSION_DISTINCT_ITEMS = "user.session_distinct_items";
  public static final String ITEM_CTR_7D = "item.ctr_7d";
  public static final String ITEM_CVR_7D = "item.cvr_7d";
  public static final String ITEM_TRENDING = "item.trending";
  public static final String ITEM_DISTINCT_USERS = "item.distinct_users";
  public static final String ITEM_EVENTS_TOTAL = "item.events_total";

  private FeatureNames() {}

  /** Every count name, built once: feature vectors are built per event and per training row. */
  private static final Map<FeatureVector.EntityKind, Map<EventType, Map<Window, String>>> COUNTS =
      countNames();

  /** e.g. {@code user.click_24h}. */
  public static String count(FeatureVector.EntityKind kind, EventType type, Window window) {
    return COUNTS.get(kind).get(type).get(window);
  }

  private static Map<FeatureVector.EntityKind, Map<EventType, Map<Window, String>>> countNames() {
    Map<FeatureVector.EntityKind, Map<EventType, Map<Window, String>>> names =
        new EnumMap<>(FeatureVector.EntityKind.class);
    for (FeatureVector.EntityKind kind : FeatureVector.EntityKind.values()) {
      Map<EventType, Map<Window, String>> byType = new EnumMap<>(EventType.class);
      for (EventType type : EventType.values()) {
        Map<Window, String> byWindow = new EnumMap<>(Window.class);
        for (Window window : Window.values()) {
          byWindow.put(window,
              kind.prefix() + type.name().toLowerCase(Locale.ROOT) + "_" + window.suffix());
        }
        byType.put(type, byWindow);
      }
      names.put(kind, byType);
    }
    return names;
  }

  /** The half-life of a decayed feature, or null for a feature that does not decay. */
  static Duration halfLife(String name) {
    if (name.startsWith(USER_AFFINITY_PREFIX)) {
      return Weights.AFFINITY_HALF_LIFE;
    }
    return name.equals(ITEM_TRENDING) ? Weights.TRENDING_HALF_LIFE : null;
  }
}
