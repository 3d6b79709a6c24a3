package dev.recsys.features.definition;

import dev.recsys.schemas.avro.EventType;
import java.time.Duration;
import java.util.Locale;

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

  /** Every count name, built once: features are computed per event. */
  private static final String[][][] COUNTS = countNames();

  private FeatureNames() {}

  /** e.g. {@code user.click_24h}. */
  public static String count(FeatureVector.EntityKind kind, EventType type, Window window) {
    return COUNTS[kind.ordinal()][type.ordinal()][window.ordinal()];
  }

  private static String[][][] countNames() {
    FeatureVector.EntityKind[] kinds = FeatureVector.EntityKind.values();
    String[][][] names = new String[kinds.length][EventType.values().length][];
    for (FeatureVector.EntityKind kind : kinds) {
      for (EventType type : EventType.values()) {
        names[kind.ordinal()][type.ordinal()] = new String[Window.values().length];
        for (Window window : Window.values()) {
          names[kind.ordinal()][type.ordinal()][window.ordinal()] =
              kind.prefix() + type.name().toLowerCase(Locale.ROOT) + "_" + window.suffix();
        }
      }
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
