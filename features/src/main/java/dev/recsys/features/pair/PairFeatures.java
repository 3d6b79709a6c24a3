package dev.recsys.features.pair;

import dev.recsys.features.definition.FeatureLayout;
import dev.recsys.features.definition.FeatureNames;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.definition.UserState;
import dev.recsys.features.definition.Window;
import dev.recsys.schemas.avro.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ranker's input: a fixed, ordered list of named numbers describing a user, a candidate item
 * and how they relate, all as of one moment. Names are column-safe ({@code [a-z0-9_]+}), so they
 * double as Parquet column names and as the model contract's feature names.
 */
public final class PairFeatures {
  /** Seconds since the last event of an entity never seen (30 days): "long ago", not zero. */
  public static final double UNSEEN_SECONDS = Duration.ofDays(30).toSeconds();
  /** How fast the recency of the user's own touch of the item fades. */
  static final Duration ITEM_RECENCY_HALF_LIFE = Duration.ofHours(1);

  private static final List<EventType> COUNTED =
      List.of(EventType.VIEW, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE);
  private static final List<String> USER_SCALARS =
      List.of(FeatureNames.USER_EVENTS_TOTAL, FeatureNames.USER_SESSION_DISTINCT_ITEMS);
  private static final List<String> ITEM_SCALARS = List.of(
      FeatureNames.ITEM_CTR_7D,
      FeatureNames.ITEM_CVR_7D,
      FeatureNames.ITEM_TRENDING,
      FeatureNames.ITEM_DISTINCT_USERS,
      FeatureNames.ITEM_EVENTS_TOTAL);
  private static final String USER_SINCE =
      EntityKind.USER.prefix() + FeatureVector.SECONDS_SINCE_LAST_EVENT;
  private static final String ITEM_SINCE =
      EntityKind.ITEM.prefix() + FeatureVector.SECONDS_SINCE_LAST_EVENT;
  private static final List<String> USER_SOURCES =
      sources(EntityKind.USER, USER_SCALARS, USER_SINCE);
  private static final List<String> ITEM_SOURCES =
      sources(EntityKind.ITEM, ITEM_SCALARS, ITEM_SINCE);
  /** The pair features proper, computed from both vectors. */
  private static final List<String> PAIR = List.of(
      "pair_category_affinity",
      "pair_category_share",
      "pair_item_touches",
      "pair_item_recency",
      "pair_taste_similarity");

  private static final long[] USER_HALF_LIVES = halfLives(USER_SOURCES);
  private static final int USER_SINCE_AT = USER_SOURCES.indexOf(USER_SINCE);
  private static final int ITEM_SINCE_AT = ITEM_SOURCES.indexOf(ITEM_SINCE);
  /** Where each user source is in the user layout (-1 for the time since the last event). */
  private static final int[] USER_LAYOUT_POSITIONS = USER_SOURCES.stream()
      .mapToInt(FeatureLayout.of(EntityKind.USER)::position)
      .toArray();
  /** Where each item source is in the item layout (-1 for the time since the last event). */
  private static final int[] ITEM_LAYOUT_POSITIONS = ITEM_SOURCES.stream()
      .mapToInt(FeatureLayout.of(EntityKind.ITEM)::position)
      .toArray();

  private static final long AFFINITY_HALF_LIFE =
      FeatureVector.halfLifeMillis(FeatureNames.USER_AFFINITY_PREFIX);
  private static final long[] ITEM_HALF_LIVES = halfLives(ITEM_SOURCES);
  /** Every feature name, in input order. */
  public static final List<String> NAMES = names();

  private PairFeatures() {}

  /**
   * The features of {@code item} for {@code user} at {@code time}. Either vector may be null (an
   * entity never seen); both are brought to {@code time} first, as serving does at request time.
   *
   * @param category the item's category, or null when the catalog does not know it
   */
  public static double[] of(FeatureVector user, FeatureVector item, String category, long time) {
    return of(Side.user(user), Side.item(item), category, time);
  }

  /** As {@link #of(FeatureVector, FeatureVector, String, long)}, from sides read before. */
  public static double[] of(Side user, Side item, String category, long time) {
    return of(user, item, category, null, time);
  }

  /**
   * As {@link #of(Side, Side, String, long)}, with the candidate's embedding: the taste
   * similarity is its cosine with the user's taste ({@link Side#withTaste}), 0 when either is
   * missing.
   */
  public static double[] of(Side user, Side item, String category, float[] itemVector, long time) {
    double[] out = new double[NAMES.size()];
    int at = user.copyAt(time, out, 0);
    at = item.copyAt(time, out, at);
    String itemId = item.id;
    double affinity = category == null ? 0 : user.affinity.getOrDefault(category, 0.0);
    // Every affinity decays alike, so the share is the same at any moment: decay once.
    out[at++] = affinity == 0 ? 0 : affinity * user.affinityDecay(time);
    out[at++] = affinity == 0 ? 0 : affinity / user.affinitySum;
    out[at++] = touches(user.recent, itemId);
    out[at++] = recency(user.recent, itemId, time);
    out[at] = Taste.similarity(user.taste, itemVector);
    return out;
  }

  /**
   * One entity's source features, read from its vector once in input order; bringing them to a
   * moment then costs no lookups. Replay keeps one per entity and reuses it across rows.
   */
  public static final class Side {
    /** The entity's id, or null for one never seen. */
    private final String id;

    private final long updatedAt;
    private final long[] halfLives;
    private final double[] raw;
    private final int since;
    /** A user's category affinities at {@code updatedAt}, by category; empty for items. */
    private final SortedMap<String, Double> affinity;
    /** Their sum, added up in category order wherever the side comes from. */
    private final double affinitySum;
    /** A user's last interactions; empty for items. */
    private final List<RecentInteraction> recent;
    /** A user's taste vector ({@link Taste}), or null before {@link #withTaste} or without one. */
    private final float[] taste;

    private Side(
        String id,
        long updatedAt,
        double[] raw,
        long[] halfLives,
        int since,
        SortedMap<String, Double> affinity,
        List<RecentInteraction> recent,
        float[] taste) {
      this.id = id;
      this.updatedAt = updatedAt;
      this.raw = raw;
      this.halfLives = halfLives;
      this.since = since;
      this.affinity = affinity;
      double sum = 0;
      for (double value : affinity.values()) {
        sum += value;
      }
      this.affinitySum = sum;
      this.recent = recent;
      this.taste = taste;
    }

    /** A user's taste vector, or null without one (or before {@link #withTaste}). */
    public float[] taste() {
      return taste;
    }

    /** A user's last interactions, newest last; empty for items. */
    public List<RecentInteraction> recent() {
      return recent;
    }

    /** This user side with the taste its recent items give in {@code vectors}. */
    public Side withTaste(ItemVectors vectors) {
      return new Side(
          id, updatedAt, raw, halfLives, since, affinity, recent, Taste.of(recent, vectors));
    }

    public static Side user(FeatureVector vector) {
      TreeMap<String, Double> affinity = new TreeMap<>();
      if (vector != null) {
        String prefix = FeatureNames.USER_AFFINITY_PREFIX;
        for (var e : vector.values().tailMap(prefix).entrySet()) {
          if (!e.getKey().startsWith(prefix)) {
            break;
          }
          affinity.put(e.getKey().substring(prefix.length()), e.getValue());
        }
      }
      return new Side(
          vector == null ? null : vector.id(),
          updatedAt(vector),
          raw(vector, USER_SOURCES, USER_SINCE),
          USER_HALF_LIVES,
          USER_SINCE_AT,
          affinity,
          vector == null ? List.of() : vector.recent(),
          null);
    }

    /**
     * The user side from a user's state: the same side as from {@code state.features(userId)},
     * without building the vector.
     */
    public static Side user(String userId, UserState state) {
      double[] fixed = state.fixedValues();
      double[] raw = new double[USER_SOURCES.size()];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = i == USER_SINCE_AT ? 0 : fixed[USER_LAYOUT_POSITIONS[i]];
      }
      return new Side(
          userId,
          state.lastEventAt(),
          raw,
          USER_HALF_LIVES,
          USER_SINCE_AT,
          state.affinities(),
          state.recent(),
          null);
    }

    public static Side item(FeatureVector vector) {
      return new Side(
          vector == null ? null : vector.id(),
          updatedAt(vector),
          raw(vector, ITEM_SOURCES, ITEM_SINCE),
          ITEM_HALF_LIVES,
          ITEM_SINCE_AT,
          Collections.emptySortedMap(),
          List.of(),
          null);
    }

    /**
     * The item side from the values of {@code ItemState.fixedValues()} (in the item
     * {@link FeatureLayout}): the same side as from the vector, without building it.
     */
    public static Side item(String itemId, long updatedAt, double[] fixedValues) {
      double[] raw = new double[ITEM_SOURCES.size()];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = i == ITEM_SINCE_AT ? 0 : fixedValues[ITEM_LAYOUT_POSITIONS[i]];
      }
      return new Side(
          itemId,
          updatedAt,
          raw,
          ITEM_HALF_LIVES,
          ITEM_SINCE_AT,
          Collections.emptySortedMap(),
          List.of(),
          null);
    }

    private static long updatedAt(FeatureVector vector) {
      return vector == null ? 0 : vector.updatedAt();
    }

    private static double[] raw(FeatureVector vector, List<String> names, String sinceName) {
      double[] raw = new double[names.size()];
      for (int i = 0; i < raw.length; i++) {
        String name = names.get(i);
        raw[i] = vector == null ? (name.equals(sinceName) ? UNSEEN_SECONDS : 0) : vector.get(name);
      }
      return raw;
    }

    private double affinityDecay(long time) {
      long elapsed = Math.max(0, time - updatedAt);
      return elapsed == 0 ? 1 : Math.pow(0.5, (double) elapsed / AFFINITY_HALF_LIFE);
    }

    /** Writes the values as of {@code time} at {@code out[from..]}; returns the next index. */
    int copyAt(long time, double[] out, int from) {
      if (id == null) {
        System.arraycopy(raw, 0, out, from, raw.length);
        return from + raw.length;
      }
      long elapsed = Math.max(0, time - updatedAt);
      for (int i = 0; i < raw.length; i++) {
        long halfLife = halfLives[i];
        // As FeatureVector.decayed, without looking the half-life up by name per value.
        out[from + i] = i == since
            ? elapsed / 1000.0
            : halfLife == 0 || elapsed == 0
                ? raw[i]
                : raw[i] * Math.pow(0.5, (double) elapsed / halfLife);
      }
      return from + raw.length;
    }
  }

  private static double touches(List<RecentInteraction> recent, String itemId) {
    if (itemId == null) {
      return 0;
    }
    int touches = 0;
    for (RecentInteraction r : recent) {
      if (r.itemId().equals(itemId)) {
        touches++;
      }
    }
    return touches;
  }

  private static long[] halfLives(List<String> names) {
    return names.stream().mapToLong(FeatureVector::halfLifeMillis).toArray();
  }

  private static double recency(List<RecentInteraction> recent, String itemId, long time) {
    if (itemId == null) {
      return 0;
    }
    long last = Long.MIN_VALUE;
    for (RecentInteraction r : recent) {
      if (r.itemId().equals(itemId)) {
        last = Math.max(last, r.timestamp());
      }
    }
    return last == Long.MIN_VALUE
        ? 0
        : Math.pow(0.5, (double) Math.max(0, time - last) / ITEM_RECENCY_HALF_LIFE.toMillis());
  }

  private static List<String> sources(EntityKind kind, List<String> scalars, String since) {
    List<String> names = new ArrayList<>();
    for (EventType type : COUNTED) {
      for (Window window : Window.values()) {
        names.add(FeatureNames.count(kind, type, window));
      }
    }
    names.addAll(scalars);
    names.add(since);
    return List.copyOf(names);
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    USER_SOURCES.forEach(n -> names.add(column(n)));
    ITEM_SOURCES.forEach(n -> names.add(column(n)));
    names.addAll(PAIR);
    return List.copyOf(names);
  }

  /** {@code user.click_24h} → {@code user_click_24h}. */
  static String column(String featureName) {
    return featureName.replace('.', '_').toLowerCase(Locale.ROOT);
  }
}
