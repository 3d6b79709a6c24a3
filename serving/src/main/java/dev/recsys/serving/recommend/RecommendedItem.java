package dev.recsys.serving.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/** One item of a response, {@code rank} 0-based. */
public record RecommendedItem(
    String itemId, double score, int rank, Set<String> sources, Optional<Explanation> explanation) {
  public RecommendedItem {
    requireNonNull(itemId, "itemId");
    sources = Set.copyOf(requireNonNull(sources, "sources"));
    requireNonNull(explanation, "explanation");
  }
}
