package dev.recsys.candidates.embeddings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/** Top-k items for a user, skipping items already seen; what {@link RecallEvaluator} measures. */
@FunctionalInterface
public interface Recommender {

  /** Empty when the recommender knows nothing about the user. */
  Optional<List<String>> top(String userId, Set<String> seen, int k);

  /** Ranks every item by dot product with the user's trained vector. */
  static Recommender of(Embeddings embeddings) {
    Map<String, float[]> users = new java.util.HashMap<>();
    for (int i = 0; i < embeddings.userIds().size(); i++) {
      users.put(embeddings.userIds().get(i), embeddings.userVectors().get(i));
    }
    return (userId, seen, k) ->
        Optional.ofNullable(users.get(userId))
            .map(
                user -> {
                  List<String> ids = embeddings.itemIds();
                  return IntStream.range(0, ids.size())
                      .filter(i -> !seen.contains(ids.get(i)))
                      .boxed()
                      .sorted(
                          Comparator.comparingDouble(
                                  (Integer i) -> dot(user, embeddings.itemVectors().get(i)))
                              .reversed())
                      .limit(k)
                      .map(ids::get)
                      .toList();
                });
  }

  /** The most interacted-with items (summed weight), the same list for every user. */
  static Recommender popularity(InteractionMatrix matrix) {
    float[] totals = new float[matrix.itemIds().size()];
    InteractionMatrix.Rows rows = matrix.byItem();
    for (int item = 0; item < totals.length; item++) {
      for (int at = rows.start()[item]; at < rows.start()[item + 1]; at++) {
        totals[item] += rows.weights()[at];
      }
    }
    List<String> ranked =
        new ArrayList<>(
            IntStream.range(0, totals.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> totals[i]).reversed())
                .map(matrix.itemIds()::get)
                .toList());
    return (userId, seen, k) ->
        Optional.of(ranked.stream().filter(id -> !seen.contains(id)).limit(k).toList());
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
