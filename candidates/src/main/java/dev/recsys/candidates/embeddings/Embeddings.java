package dev.recsys.candidates.embeddings;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trained vectors: one per item, and optionally one per user (empty lists when users are not kept).
 * Lists are aligned: {@code itemVectors.get(i)} belongs to {@code itemIds.get(i)}.
 */
public record Embeddings(
    int dimensions,
    List<String> itemIds,
    List<float[]> itemVectors,
    List<String> userIds,
    List<float[]> userVectors) {

  public Embeddings {
    itemIds = List.copyOf(requireNonNull(itemIds, "itemIds"));
    itemVectors = List.copyOf(requireNonNull(itemVectors, "itemVectors"));
    userIds = List.copyOf(requireNonNull(userIds, "userIds"));
    userVectors = List.copyOf(requireNonNull(userVectors, "userVectors"));
    aligned("item", itemIds, itemVectors, dimensions);
    aligned("user", userIds, userVectors, dimensions);
  }

  public Embeddings withoutUsers() {
    return new Embeddings(dimensions, itemIds, itemVectors, List.of(), List.of());
  }

  public Optional<float[]> userVector(String userId) {
    int index = userIds.indexOf(userId);
    return index < 0 ? Optional.empty() : Optional.of(userVectors.get(index));
  }

  /** Item id -> position, for lookups in bulk. */
  public Map<String, Integer> itemIndex() {
    Map<String, Integer> index = new HashMap<>(itemIds.size() * 2);
    for (int i = 0; i < itemIds.size(); i++) {
      index.put(itemIds.get(i), i);
    }
    return index;
  }

  private static void aligned(
      String what, List<String> ids, List<float[]> vectors, int dimensions) {
    if (ids.size() != vectors.size()) {
      throw new IllegalArgumentException(
          ids.size() + " " + what + " ids but " + vectors.size() + " vectors");
    }
    for (int i = 0; i < vectors.size(); i++) {
      if (vectors.get(i).length != dimensions) {
        throw new IllegalArgumentException(what
            + " '"
            + ids.get(i)
            + "' has "
            + vectors.get(i).length
            + " dimensions, expected "
            + dimensions);
      }
    }
  }
}
