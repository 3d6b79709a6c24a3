package dev.recsys.features.replay;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.avro.EventType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which moments become training rows: interactions of the {@code positives} types between
 * {@code from} (inclusive) and {@code to} (exclusive), optionally only with items new to the
 * user. Without impressions each positive gets {@code negativesPerPositive} items sampled from
 * the items seen so far, by popularity or uniformly (seeded, so a replay is repeatable); with
 * impressions, the shown items that were not acted on are the negatives.
 */
public record LabelPolicy(
    Set<EventType> positives,
    int negativesPerPositive,
    long seed,
    Instant from,
    Instant to,
    Negatives sampling,
    boolean novelOnly) {
  /** Views: the item a user chose to look at next, what recommendations aim to produce. */
  public static final Set<EventType> DEFAULT_POSITIVES = Set.of(EventType.VIEW);

  public static final int DEFAULT_NEGATIVES = 4;
  public static final long DEFAULT_SEED = 42;
  public static final LabelPolicy DEFAULT = new LabelPolicy(
      DEFAULT_POSITIVES,
      DEFAULT_NEGATIVES,
      DEFAULT_SEED,
      Instant.EPOCH,
      Instant.MAX,
      Negatives.UNIFORM,
      true);
  /** Labels nothing: for replays that only want the final state. */
  public static final LabelPolicy NONE = new LabelPolicy(
      DEFAULT_POSITIVES,
      0,
      DEFAULT_SEED,
      Instant.EPOCH,
      Instant.EPOCH.plusMillis(1),
      Negatives.POPULARITY,
      false);

  public LabelPolicy {
    requireNonNull(positives, "replay.positives");
    requireNonNull(from, "replay.from");
    requireNonNull(to, "replay.to");
    requireNonNull(sampling, "replay.negatives-by");
    if (positives.isEmpty()) {
      throw new IllegalArgumentException("replay.positives must name at least one event type");
    }
    if (negativesPerPositive < 0) {
      throw new IllegalArgumentException("replay.negatives must be >= 0");
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "replay.from (" + from + ") must be before replay.to (" + to + ")");
    }
    positives = Set.copyOf(EnumSet.copyOf(positives));
  }

  public LabelPolicy between(Instant from, Instant to) {
    return new LabelPolicy(positives, negativesPerPositive, seed, from, to, sampling, novelOnly);
  }

  public LabelPolicy withNegatives(int negativesPerPositive) {
    return new LabelPolicy(positives, negativesPerPositive, seed, from, to, sampling, novelOnly);
  }

  public LabelPolicy withPositives(Set<EventType> positives) {
    return new LabelPolicy(positives, negativesPerPositive, seed, from, to, sampling, novelOnly);
  }

  public LabelPolicy withSampling(Negatives how) {
    return new LabelPolicy(positives, negativesPerPositive, seed, from, to, how, novelOnly);
  }

  /** Only interactions with items the user never touched before are positives. */
  public LabelPolicy withNovelOnly(boolean novel) {
    return new LabelPolicy(positives, negativesPerPositive, seed, from, to, sampling, novel);
  }

  /** How negatives are drawn from the items seen so far. */
  public enum Negatives {
    /** In proportion to their interactions so far: negatives as popular as positives. */
    POPULARITY,
    /** Every item seen so far alike: the model also learns what popularity is worth. */
    UNIFORM
  }

  boolean labels(EventType type, long time) {
    return positives.contains(type) && within(time);
  }

  boolean within(long time) {
    return time >= from.toEpochMilli() && (to.equals(Instant.MAX) || time < to.toEpochMilli());
  }
}
