package dev.recsys.features.definition;

import dev.recsys.schemas.avro.EventType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the user features need about one user, updated one interaction at a time. Applying
 * the same interactions in the same order always gives the same state, byte for byte. The state
 * remembers its event ids for the de-duplication horizon, so an event applied twice counts once.
 */
public final class UserState {
  /** How long event ids are remembered behind the user's latest event, unless configured. */
  public static final Duration DEFAULT_DEDUPE_HORIZON = Duration.ofDays(7);
  /** First byte of a written state; states written before event ids were kept start below 0x80. */
  private static final int FORMAT = 0x82;

  static final int RECENT = 20;
  static final int MAX_CATEGORIES = 32;
  static final int MAX_SESSION_ITEMS = 1_000;
  static final Duration SESSION_GAP = Duration.ofMinutes(30);

  private final WindowCounts counts;
  private final List<RecentInteraction> recent;
  /** By category, sorted: sums over it add up in one order everywhere. */
  private final TreeMap<String, DecayedScore> affinity;

  private long lastEventAt;
  private long events;
  private String session;
  private final Set<String> sessionItems;
  private final SeenEvents seen;
  private final long horizon;

  public UserState() {
    this(DEFAULT_DEDUPE_HORIZON);
  }

  /** @param dedupeHorizon how long event ids are remembered behind the user's latest event */
  public UserState(Duration dedupeHorizon) {
    this(
        new WindowCounts(),
        new ArrayList<>(),
        new TreeMap<>(),
        Long.MIN_VALUE,
        0,
        null,
        new HashSet<>(),
        new SeenEvents(),
        dedupeHorizon.toMillis());
  }

  private UserState(
      WindowCounts counts,
      List<RecentInteraction> recent,
      TreeMap<String, DecayedScore> affinity,
      long lastEventAt,
      long events,
      String session,
      Set<String> sessionItems,
      SeenEvents seen,
      long horizon) {
    if (horizon <= 0) {
      throw new IllegalArgumentException(
          "features.dedupe-horizon must be > 0, got " + Duration.ofMillis(horizon));
    }
    this.seen = seen;
    this.horizon = horizon;
    this.counts = counts;
    this.recent = recent;
    this.affinity = affinity;
    this.lastEventAt = lastEventAt;
    this.events = events;
    this.session = session;
    this.sessionItems = sessionItems;
  }

  /**
   * Applies the interaction, unless its event id was seen within the horizon.
   *
   * @return false, changing nothing, for an event already applied
   */
  public boolean apply(Interaction i) {
    if (!seen.add(i.eventId(), i.timestamp(), Math.max(lastEventAt, i.timestamp()), horizon)) {
      return false;
    }
    applyAccepted(i);
    return true;
  }

  /**
   * Applies an interaction judged new elsewhere, without remembering its id: replay judges
   * duplicates in the stream's order (partition offsets), then applies in event-time order, where
   * this state's own judgement could differ.
   */
  public void applyAccepted(Interaction i) {
    long previous = lastEventAt;
    lastEventAt = Math.max(lastEventAt, i.timestamp());
    events++;
    counts.add(i.type(), i.timestamp(), lastEventAt);
    remember(new RecentInteraction(i.itemId(), i.type(), i.timestamp()));
    if (i.category() != null) {
      affinity.put(
          i.category(),
          affinity
              .getOrDefault(i.category(), DecayedScore.ZERO)
              .add(
                  Weights.interest(i.type(), i.value()),
                  i.timestamp(),
                  Weights.AFFINITY_HALF_LIFE));
      boundCategories();
    }
    trackSession(i, previous);
  }

  private void remember(RecentInteraction interaction) {
    int at = recent.size();
    while (at > 0 && recent.get(at - 1).timestamp() > interaction.timestamp()) {
      at--;
    }
    recent.add(at, interaction);
    if (recent.size() > RECENT) {
      recent.remove(0);
    }
  }

  private void boundCategories() {
    if (affinity.size() <= MAX_CATEGORIES) {
      return;
    }
    affinity.entrySet().stream()
        .min(Comparator.comparingDouble((Map.Entry<String, DecayedScore> e) ->
                e.getValue().at(lastEventAt, Weights.AFFINITY_HALF_LIFE))
            .thenComparing(Map.Entry::getKey))
        .ifPresent(weakest -> affinity.remove(weakest.getKey()));
  }

  private void trackSession(Interaction i, long previous) {
    String id = i.sessionId() != null ? i.sessionId() : "";
    boolean gap = i.sessionId() == null
        && previous != Long.MIN_VALUE
        && i.timestamp() - previous > SESSION_GAP.toMillis();
    if (!id.equals(session) || gap) {
      session = id;
      sessionItems.clear();
    }
    if (sessionItems.size() < MAX_SESSION_ITEMS) {
      sessionItems.add(i.itemId());
    }
  }

  /** The user's features as of their last event. */
  public FeatureVector features(String userId) {
    return values(userId).toVector();
  }

  /** The same features as {@link #features}, the layout's by position. */
  public FeatureValues values(String userId) {
    TreeMap<String, Double> named = new TreeMap<>();
    affinity.forEach((category, score) -> named.put(
        FeatureNames.USER_AFFINITY_PREFIX + category,
        score.at(lastEventAt, Weights.AFFINITY_HALF_LIFE)));
    return new FeatureValues(
        FeatureVector.EntityKind.USER, userId, lastEventAt, fixedValues(), named, recent);
  }

  /**
   * The fixed features of {@link #features}, in {@link FeatureLayout} order, without naming
   * them: for callers that need them many times (replay's rows).
   */
  public double[] fixedValues() {
    double[] values =
        new double[FeatureLayout.of(FeatureVector.EntityKind.USER).names().size()];
    int at = 0;
    for (EventType type : WindowCounts.COUNTED_TYPES) {
      for (Window window : Window.ALL) {
        values[at++] = counts.count(type, window, lastEventAt);
      }
    }
    values[at++] = events;
    values[at] = sessionItems.size();
    return values;
  }

  /** The category affinities of {@link #features} by category, sorted by category. */
  public SortedMap<String, Double> affinities() {
    TreeMap<String, Double> values = new TreeMap<>();
    affinity.forEach((category, score) ->
        values.put(category, score.at(lastEventAt, Weights.AFFINITY_HALF_LIFE)));
    return values;
  }

  /** The last interactions, oldest first, as {@link #features} has them. */
  public List<RecentInteraction> recent() {
    return List.copyOf(recent);
  }

  public long lastEventAt() {
    return lastEventAt;
  }

  public void write(DataOutput out) throws IOException {
    out.writeByte(FORMAT);
    counts.write(out);
    out.writeInt(recent.size());
    for (RecentInteraction r : recent) {
      out.writeUTF(r.itemId());
      out.writeByte(r.type().ordinal());
      out.writeLong(r.timestamp());
    }
    TreeMap<String, DecayedScore> sorted = affinity;
    out.writeInt(sorted.size());
    for (Map.Entry<String, DecayedScore> e : sorted.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeDouble(e.getValue().value());
      out.writeLong(e.getValue().reference());
    }
    out.writeLong(lastEventAt);
    out.writeLong(events);
    out.writeUTF(session == null ? "\u0000" : session);
    List<String> items = new ArrayList<>(sessionItems);
    items.sort(null);
    out.writeInt(items.size());
    for (String item : items) {
      out.writeUTF(item);
    }
    seen.write(out, lastEventAt);
  }

  /** Reads what {@link #write} wrote; {@code dedupeHorizon} as in {@link #UserState(Duration)}. */
  public static UserState read(DataInput in, Duration dedupeHorizon) throws IOException {
    int format = in.readUnsignedByte();
    if (format != FORMAT) {
      throw new IOException("user state in format " + format + ", not " + FORMAT + ": it was "
          + "written by an older build; reset the features application (a new "
          + "features.application-id, or kafka-streams-application-reset and an empty state "
          + "directory) so that it rebuilds every state from the events");
    }
    WindowCounts counts = WindowCounts.read(in);
    List<RecentInteraction> recent = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      recent.add(
          new RecentInteraction(in.readUTF(), EventType.values()[in.readByte()], in.readLong()));
    }
    TreeMap<String, DecayedScore> affinity = new TreeMap<>();
    for (int n = in.readInt(); n > 0; n--) {
      affinity.put(in.readUTF(), new DecayedScore(in.readDouble(), in.readLong()));
    }
    long lastEventAt = in.readLong();
    long events = in.readLong();
    String session = in.readUTF();
    Set<String> items = new HashSet<>();
    for (int n = in.readInt(); n > 0; n--) {
      items.add(in.readUTF());
    }
    SeenEvents seen = SeenEvents.read(in, lastEventAt);
    return new UserState(
        counts,
        recent,
        affinity,
        lastEventAt,
        events,
        session.equals("\u0000") ? null : session,
        items,
        seen,
        dedupeHorizon.toMillis());
  }
}
