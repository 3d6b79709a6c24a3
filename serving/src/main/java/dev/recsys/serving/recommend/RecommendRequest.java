package dev.recsys.serving.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/**
 * One request for recommendations.
 *
 * @param exclude items the caller does not want back
 * @param context free-form caller context (e.g. the page), logged, not yet used for ranking
 * @param explain whether to return feature values, stage scores and fired rules per item
 * @param receivedNanos when the request arrived ({@link System#nanoTime}); the deadline counts
 *     from here, so time spent waiting for a worker is part of it
 */
public record RecommendRequest(
    String userId,
    int k,
    Set<String> exclude,
    Optional<String> context,
    boolean explain,
    long receivedNanos) {
  public static final int DEFAULT_K = 20;
  public static final int MAX_K = 500;

  public RecommendRequest {
    requireNonNull(userId, "userId");
    exclude = Set.copyOf(requireNonNull(exclude, "exclude"));
    requireNonNull(context, "context");
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be within 1.." + MAX_K + ", got " + k);
    }
  }

  /** A request arriving now. */
  public RecommendRequest(
      String userId, int k, Set<String> exclude, Optional<String> context, boolean explain) {
    this(userId, k, exclude, context, explain, System.nanoTime());
  }

  public static RecommendRequest of(String userId, int k) {
    return new RecommendRequest(userId, k, Set.of(), Optional.empty(), false);
  }

  public RecommendRequest explained() {
    return new RecommendRequest(userId, k, exclude, context, true, receivedNanos);
  }
}
