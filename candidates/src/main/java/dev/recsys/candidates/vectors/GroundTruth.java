package dev.recsys.candidates.vectors;

import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.IntStream;

/** Exact k-nearest neighbours by brute force, in parallel over queries, and recall against them. */
public final class GroundTruth {

  private GroundTruth() {}

  /** For each query, the indexes of the k base vectors with the highest score, best first. */
  public static List<int[]> compute(
      List<float[]> base,
      List<float[]> queries,
      int k,
      ToDoubleBiFunction<float[], float[]> score) {
    return IntStream.range(0, queries.size())
        .parallel()
        .mapToObj(q -> topK(base, queries.get(q), k, score))
        .toList();
  }

  private static int[] topK(
      List<float[]> base, float[] query, int k, ToDoubleBiFunction<float[], float[]> score) {
    PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    for (int i = 0; i < base.size(); i++) {
      double s = score.applyAsDouble(query, base.get(i));
      if (best.size() < k) {
        best.add(new double[] {s, i});
      } else if (s > best.peek()[0]) {
        best.poll();
        best.add(new double[] {s, i});
      }
    }
    int[] ids = new int[best.size()];
    for (int i = ids.length - 1; i >= 0; i--) {
      ids[i] = (int) best.poll()[1];
    }
    return ids;
  }

  /** Mean fraction of the true top k (first k of each truth row) found in each answer's first k. */
  public static double recall(List<int[]> truth, List<int[]> answers, int k) {
    double sum = 0;
    for (int q = 0; q < truth.size(); q++) {
      int[] expected = truth.get(q);
      int[] found = answers.get(q);
      int hits = 0;
      for (int i = 0; i < Math.min(k, expected.length); i++) {
        for (int j = 0; j < Math.min(k, found.length); j++) {
          if (expected[i] == found[j]) {
            hits++;
            break;
          }
        }
      }
      sum += (double) hits / Math.min(k, expected.length);
    }
    return truth.isEmpty() ? 0 : sum / truth.size();
  }
}
