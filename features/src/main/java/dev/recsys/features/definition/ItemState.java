package dev.recsys.features.definition;

import dev.recsys.schemas.avro.EventType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/** Everything the item features need about one item, updated one interaction at a time. */
public final class ItemState {
  /** Smoothing: rates start at the prior and move with evidence, as if from this many trials. */
  static final double PRIOR_WEIGHT = 10;

  static final double PRIOR_CTR = 0.1;
  static final double PRIOR_CVR = 0.02;

  private final WindowCounts counts;
  private final DistinctCounter users;
  private DecayedScore trending;
  private long lastEventAt;
  private long events;

  public ItemState() {
    this(new WindowCounts(), new DistinctCounter(), DecayedScore.ZERO, Long.MIN_VALUE, 0);
  }

  private ItemState(
      WindowCounts counts,
      DistinctCounter users,
      DecayedScore trending,
      long lastEventAt,
      long events) {
    this.counts = counts;
    this.users = users;
    this.trending = trending;
    this.lastEventAt = lastEventAt;
    this.events = events;
  }

  /** Applies the interaction; items take what their users accepted, so always true. */
  public boolean apply(Interaction i) {
    lastEventAt = Math.max(lastEventAt, i.timestamp());
    events++;
    counts.add(i.type(), i.timestamp(), lastEventAt);
    users.add(i.userId());
    double interest = Weights.interest(i.type(), i.value());
    if (interest > 0) {
      trending = trending.add(interest, i.timestamp(), Weights.TRENDING_HALF_LIFE);
    }
    return true;
  }

  /** The item's features as of its last event. */
  public FeatureVector features(String itemId) {
    return values(itemId).toVector();
  }

  /** The same features as {@link #features}, by position. */
  public FeatureValues values(String itemId) {
    return new FeatureValues(
        FeatureVector.EntityKind.ITEM,
        itemId,
        lastEventAt,
        fixedValues(),
        Collections.emptySortedMap(),
        List.of());
  }

  /**
   * The same values as {@link #features}, in {@link FeatureLayout} order, without naming them:
   * for callers that read every item feature many times (replay's rows).
   */
  public double[] fixedValues() {
    double[] values =
        new double[FeatureLayout.of(FeatureVector.EntityKind.ITEM).names().size()];
    int at = 0;
    for (EventType type : WindowCounts.COUNTED_TYPES) {
      for (Window window : Window.ALL) {
        values[at++] = counts.count(type, window, lastEventAt);
      }
    }
    double views = counts.count(EventType.VIEW, Window.D7, lastEventAt);
    double clicks = counts.count(EventType.CLICK, Window.D7, lastEventAt);
    double purchases = counts.count(EventType.PURCHASE, Window.D7, lastEventAt);
    values[at++] = smoothed(clicks, views, PRIOR_CTR);
    values[at++] = smoothed(purchases, clicks, PRIOR_CVR);
    values[at++] = trending.at(lastEventAt, Weights.TRENDING_HALF_LIFE);
    values[at++] = users.estimate();
    values[at] = events;
    return values;
  }

  private static double smoothed(double successes, double trials, double prior) {
    return (successes + PRIOR_WEIGHT * prior) / (trials + PRIOR_WEIGHT);
  }

  public long lastEventAt() {
    return lastEventAt;
  }

  public void write(DataOutput out) throws IOException {
    counts.write(out);
    users.write(out);
    out.writeDouble(trending.value());
    out.writeLong(trending.reference());
    out.writeLong(lastEventAt);
    out.writeLong(events);
  }

  public static ItemState read(DataInput in) throws IOException {
    return new ItemState(
        WindowCounts.read(in),
        DistinctCounter.read(in),
        new DecayedScore(in.readDouble(), in.readLong()),
        in.readLong(),
        in.readLong());
  }
}
