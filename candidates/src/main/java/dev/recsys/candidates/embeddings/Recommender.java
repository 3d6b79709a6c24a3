package dev.recsys.candidates.embeddings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.IntStream;

/** Top-k items for a user, skipping items already seen; what {@link RecallEvaluator} measures. */
@FunctionalInterface
interface Recommender {

  /** Empty when the recommender knows nothing about the user. */
  Optional<List<String>> top(String userId, Set<String> seen, int k);

  /** Ranks every item by dot product with the user's trained vector (exact, one pass per user). */
  static Recommender of(Embeddings embeddings) {
    Map<String, float[]> users = new HashMap<>();
    for (int i = 0; i < embeddings.userIds().size(); i++) {
      users.put(embeddings.userIds().get(i), embeddings.userVectors().get(i));
    }
    return (userId, seen, k) ->
        Optional.ofNullable(users.get(userId)).map(user -> topByDot(user, embeddings, seen, k));
  }

  private static List<String> topByDot(
      float[] user, Embeddings embeddings, Set<String> seen, int k) {
    PriorityQueue<Map.Entry<String, Double>> best =
        new PriorityQueue<>(Map.Entry.comparingByValue());
    for (int i = 0; i < embeddings.itemIds().size(); i++) {
      String id = embeddings.itemIds().get(i);
      if (seen.contains(id)) {
        continue;
      }
      double score = dot(user, embeddings.itemVectors().get(i));
      if (best.size() < k) {
        best.add(Map.entry(id, score));
      } else if (score > best.peek().getValue()) {
        best.poll();
        best.add(Map.entry(id, score));
      }
    }
    List<String> top = new ArrayList<>(best.size());
    while (!best.isEmpty()) {
      top.add(best.poll().getKey());
    }
    Collections.reverse(top);
    return top;
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
    List<String> ranked = new ArrayList<>(IntStream.range(0, totals.length)
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
