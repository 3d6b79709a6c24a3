package dev.recsys.serving.recommend;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer to one request.
 *
 * @param modelVersion the ranker that ordered the items, {@code none} when it did not run
 * @param degraded what degraded while answering (e.g. {@code features}, {@code ranker}); empty
 *     when everything worked
 */
public record Recommendation(
    String requestId,
    String userId,
    String modelVersion,
    List<RecommendedItem> items,
    long tookMs,
    long timestamp,
    List<String> degraded) {
  public Recommendation {
    requireNonNull(requestId, "requestId");
    requireNonNull(userId, "userId");
    requireNonNull(modelVersion, "modelVersion");
    items = List.copyOf(requireNonNull(items, "items"));
    degraded = List.copyOf(requireNonNull(degraded, "degraded"));
  }
}
