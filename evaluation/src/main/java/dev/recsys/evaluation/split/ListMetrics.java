package dev.recsys.evaluation.split;

import java.util.List;
import java.util.Set;

/**
 * Ranking metrics of one list against a user's relevant items, with the normalisation of Liang et
 * al. (2018) and Steck (2019): recall and MAP divide by min(k, |relevant|), so a user with more
 * relevant items than k can still reach 1.
 */
final class ListMetrics {
  private ListMetrics() {}

  /** Relevant items in the top {@code k} over min(k, |relevant|). */
  public static double recall(List<String> list, Set<String> relevant, int k) {
    return hits(list, relevant, k) / (double) Math.min(k, relevant.size());
  }

  /** 1 when any of the top {@code k} is relevant. */
  public static double hit(List<String> list, Set<String> relevant, int k) {
    return hits(list, relevant, k) > 0 ? 1 : 0;
  }

  /** DCG of the top {@code k} (gain 1 / log2(rank + 2)) over the best DCG reachable. */
  public static double ndcg(List<String> list, Set<String> relevant, int k) {
    double dcg = 0;
    for (int rank = 0; rank < Math.min(k, list.size()); rank++) {
      if (relevant.contains(list.get(rank))) {
        dcg += gain(rank);
      }
    }
    double ideal = 0;
    for (int rank = 0; rank < Math.min(k, relevant.size()); rank++) {
      ideal += gain(rank);
    }
    return dcg / ideal;
  }

  /** Average precision at the relevant ranks of the top {@code k}, over min(k, |relevant|). */
  public static double averagePrecision(List<String> list, Set<String> relevant, int k) {
    double sum = 0;
    int hits = 0;
    for (int rank = 0; rank < Math.min(k, list.size()); rank++) {
      if (relevant.contains(list.get(rank))) {
        hits++;
        sum += hits / (double) (rank + 1);
      }
    }
    return sum / Math.min(k, relevant.size());
  }

  private static int hits(List<String> list, Set<String> relevant, int k) {
    int hits = 0;
    for (int rank = 0; rank < Math.min(k, list.size()); rank++) {
      if (relevant.contains(list.get(rank))) {
        hits++;
      }
    }
    return hits;
  }

  private static double gain(int rank) {
    return 1 / (Math.log(rank + 2) / Math.log(2));
  }
}
