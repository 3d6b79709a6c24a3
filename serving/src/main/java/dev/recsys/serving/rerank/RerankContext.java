package dev.recsys.serving.rerank;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.serving.catalog.Catalog;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What rules may look at besides the slate.
 *
 * @param recent the user's last interactions (empty for an unknown user or without features)
 * @param now request time, epoch ms
 * @param k how many items the response holds
 * @param vectors item vectors (from the ANN index), for diversity
 */
public record RerankContext(
    List<RecentInteraction> recent,
    long now,
    int k,
    Catalog catalog,
    Function<String, Optional<float[]>> vectors) {
  public RerankContext {
    recent = List.copyOf(requireNonNull(recent, "recent"));
    requireNonNull(catalog, "catalog");
    requireNonNull(vectors, "vectors");
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }
}
