package dev.recsys.serving.evaluate;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.avro.EventType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to evaluate: interactions of the {@code targets} types in [{@code from}, {@code to}) with
 * items the user never touched before (recommending what a user already has is easy and not the
 * point), a seeded {@code sample} fraction of them, at most {@code maxRequests}.
 */
public record EvaluationOptions(Instant from, Instant to, Set<EventType> targets, double sample,
    int maxRequests, long seed) {
  public static final int[] CUTOFFS = {1, 5, 10, 20, 50};
  public static final int MAX_K = 50;
  public static final int DEFAULT_MAX_REQUESTS = 5_000;

  public EvaluationOptions {
    requireNonNull(from, "--from");
    requireNonNull(to, "--to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("--from (" + from + ") must be before --to (" + to + ")");
    }
    if (!(sample > 0 && sample <= 1)) {
      throw new IllegalArgumentException("--sample must be in (0, 1], got " + sample);
    }
    if (maxRequests < 1) {
      throw new IllegalArgumentException("--max-requests must be >= 1, got " + maxRequests);
    }
    targets = Set.copyOf(EnumSet.copyOf(targets));
  }

  boolean sampled(String eventId) {
    long h = (eventId.hashCode() * 0x9E3779B97F4A7C15L) ^ seed;
    return (double) (h >>> 11) / (1L << 53) < sample;
  }
}
