package dev.recsys.serving.recommend;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the request path behaves. Start from {@link #DEFAULT} and change one thing at a time.
 *
 * @param deadline every request answers within this, degrading stages that would not fit
 * @param minCandidates the candidate pool holds at least this many (if sources have them)
 * @param maxCandidates and at most this many, whatever k
 * @param storeCooldown after the online store fails, it is skipped (one probe only) this long
 * @param annHalfLife how fast a recent item's weight in the user vector fades
 * @param seedItems how many of the newest recent items seed item-to-item candidates
 * @param quotas each source's guaranteed share of the pool
 * @param warmUpRequests requests run through the pipeline (users from the online store, and
 *     unknown ones) before it reports itself ready, so the JIT has compiled the request path
 *     before traffic arrives
 */
public record RecommendConfig(
    Duration deadline,
    int minCandidates,
    int maxCandidates,
    Duration storeCooldown,
    Duration annHalfLife,
    int seedItems,
    SourceQuotas quotas,
    int warmUpRequests) {
  public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(100);
  public static final int DEFAULT_MIN_CANDIDATES = 100;
  public static final int DEFAULT_MAX_CANDIDATES = 1000;
  public static final Duration DEFAULT_STORE_COOLDOWN = Duration.ofSeconds(1);
  public static final Duration DEFAULT_ANN_HALF_LIFE = Duration.ofHours(24);
  public static final int DEFAULT_SEED_ITEMS = 5;
  public static final RecommendConfig DEFAULT = new RecommendConfig(
      DEFAULT_DEADLINE,
      DEFAULT_MIN_CANDIDATES,
      DEFAULT_MAX_CANDIDATES,
      DEFAULT_STORE_COOLDOWN,
      DEFAULT_ANN_HALF_LIFE,
      DEFAULT_SEED_ITEMS,
      SourceQuotas.DEFAULT,
      1);

  public RecommendConfig {
    requireNonNull(deadline, "serving.deadline");
    requireNonNull(storeCooldown, "storeCooldown");
    requireNonNull(annHalfLife, "annHalfLife");
    requireNonNull(quotas, "quotas");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("serving.deadline must be positive, got " + deadline);
    }
    if (minCandidates < 1 || maxCandidates < minCandidates) {
      throw new IllegalArgumentException(
          "candidates must satisfy 1 <= min <= max, got " + minCandidates + ".." + maxCandidates);
    }
    if (seedItems < 1) {
      throw new IllegalArgumentException("seedItems must be >= 1, got " + seedItems);
    }
    if (warmUpRequests < 1) {
      throw new IllegalArgumentException(
          "serving.warm-up-requests must be >= 1, got " + warmUpRequests);
    }
  }

  /** How many requests run through the pipeline before it reports itself ready. */
  public RecommendConfig withWarmUpRequests(int value) {
    return new RecommendConfig(
        deadline,
        minCandidates,
        maxCandidates,
        storeCooldown,
        annHalfLife,
        seedItems,
        quotas,
        value);
  }

  public RecommendConfig withDeadline(Duration value) {
    return new RecommendConfig(
        value,
        minCandidates,
        maxCandidates,
        storeCooldown,
        annHalfLife,
        seedItems,
        quotas,
        warmUpRequests);
  }

  public RecommendConfig withStoreCooldown(Duration value) {
    return new RecommendConfig(
        deadline,
        minCandidates,
        maxCandidates,
        value,
        annHalfLife,
        seedItems,
        quotas,
        warmUpRequests);
  }

  public RecommendConfig withCandidates(int min, int max) {
    return new RecommendConfig(
        deadline, min, max, storeCooldown, annHalfLife, seedItems, quotas, warmUpRequests);
  }

  public RecommendConfig withQuotas(SourceQuotas value) {
    return new RecommendConfig(
        deadline,
        minCandidates,
        maxCandidates,
        storeCooldown,
        annHalfLife,
        seedItems,
        value,
        warmUpRequests);
  }

  /** How many candidates to gather for a response of k items. */
  int poolFor(int k) {
    return Math.min(maxCandidates, Math.max(minCandidates, 2 * k));
  }
}
