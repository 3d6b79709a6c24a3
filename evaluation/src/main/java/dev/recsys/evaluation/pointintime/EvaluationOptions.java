package dev.recsys.evaluation.pointintime;

import static java.util.Objects.requireNonNull;

import dev.recsys.evaluation.baselines.Baseline;
import dev.recsys.features.definition.EventWeights;
import dev.recsys.schemas.avro.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the sequential protocol asks about: interactions of the {@code targets} types in
 * [{@code from}, {@code to}), a seeded {@code sample} fraction of them, at most
 * {@code maxRequests} per mode; the {@code baselines} fitted on the events before {@code from},
 * which {@code weights} turn into training signal.
 */
public record EvaluationOptions(
    Instant from,
    Instant to,
    Set<EventType> targets,
    EventWeights weights,
    double sample,
    int maxRequests,
    long seed,
    List<Baseline<?>> baselines) {
  public static final int DEFAULT_MAX_REQUESTS = 5_000;
  /**
   * The longest validation window the baselines' settings are chosen on: the held-out period
   * when shorter, and never more than half of the events before {@code from}.
   */
  public static final Duration VALIDATION = Duration.ofDays(30);

  public EvaluationOptions {
    requireNonNull(from, "--from");
    requireNonNull(to, "--to");
    requireNonNull(weights, "weights");
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
    baselines = List.copyOf(baselines);
  }

  /** The validation window for events starting at {@code start} (epoch ms). */
  long validationWindow(long start) {
    long before = from.toEpochMilli() - start;
    long held = Duration.between(from, to).toMillis();
    return Math.max(1, Math.min(Math.min(held, VALIDATION.toMillis()), before / 2));
  }

  boolean sampled(String eventId) {
    long h = (eventId.hashCode() * 0x9E3779B97F4A7C15L) ^ seed;
    return (double) (h >>> 11) / (1L << 53) < sample;
  }
}
