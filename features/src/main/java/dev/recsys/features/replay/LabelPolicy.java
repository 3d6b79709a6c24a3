package dev.recsys.features.replay;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.avro.EventType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which moments become training rows: interactions of the {@code positives} types between
 * {@code from} (inclusive) and {@code to} (exclusive), optionally only with items new to the
 * user. Without impressions each positive gets {@code negativesPerPositive} negatives: up to
 * {@code hardNegatives} of them drawn from the {@link #HARD_NEGATIVE_POOL} items nearest the
 * user's taste (what the ANN source would retrieve, so the ranker learns to order the candidates
 * it is served), the rest sampled from the items seen so far, by popularity or uniformly (seeded,
 * so a replay is repeatable); with impressions, the shown items not acted on are the negatives.
 */
public record LabelPolicy(
    Set<EventType> positives,
    int negativesPerPositive,
    long seed,
    Instant from,
    Instant to,
    Negatives sampling,
    boolean novelOnly,
    int hardNegatives) {
  /** Hard negatives are drawn from this many items nearest the user's taste. */
  public static final int HARD_NEGATIVE_POOL = 50;

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
      true,
      0);
  /** Labels nothing: for replays that only want the final state. */
  public static final LabelPolicy NONE = new LabelPolicy(
      DEFAULT_POSITIVES,
      0,
      DEFAULT_SEED,
      Instant.EPOCH,
      Instant.EPOCH.plusMillis(1),
      Negatives.POPULARITY,
      false,
      0);

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
    if (hardNegatives < 0 || hardNegatives > negativesPerPositive) {
      throw new IllegalArgumentException("replay.hard-negatives must be in [0, replay.negatives ("
          + negativesPerPositive + ")], was " + hardNegatives);
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "replay.from (" + from + ") must be before replay.to (" + to + ")");
    }
    positives = Set.copyOf(EnumSet.copyOf(positives));
  }

  public LabelPolicy between(Instant from, Instant to) {
    return new LabelPolicy(
        positives, negativesPerPositive, seed, from, to, sampling, novelOnly, hardNegatives);
  }

  public LabelPolicy withNegatives(int negativesPerPositive) {
    return new LabelPolicy(
        positives, negativesPerPositive, seed, from, to, sampling, novelOnly, hardNegatives);
  }

  public LabelPolicy withPositives(Set<EventType> positives) {
    return new LabelPolicy(
        positives, negativesPerPositive, seed, from, to, sampling, novelOnly, hardNegatives);
  }

  public LabelPolicy withSampling(Negatives how) {
    return new LabelPolicy(
        positives, negativesPerPositive, seed, from, to, how, novelOnly, hardNegatives);
  }

  /** Only interactions with items the user never touched before are positives. */
  public LabelPolicy withNovelOnly(boolean novel) {
    return new LabelPolicy(
        positives, negativesPerPositive, seed, from, to, sampling, novel, hardNegatives);
  }

  /** Up to {@code n} of each positive's negatives from the items nearest the user's taste. */
  public LabelPolicy withHardNegatives(int n) {
    return new LabelPolicy(positives, negativesPerPositive, seed, from, to, sampling, novelOnly, n);
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
