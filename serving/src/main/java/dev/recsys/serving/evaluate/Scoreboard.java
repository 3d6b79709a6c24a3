package dev.recsys.serving.evaluate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One system's score over held-out interactions, each with one relevant item: at every cut-off
 * k, recall (was it in the top k), NDCG (1 / log2(rank + 2)), MAP (1 / (rank + 1)) and catalog
 * coverage (distinct items shown in top-k lists over the catalog).
 */
final class Scoreboard {
  private final int[] cutoffs;
  private final double[] recall;
  private final double[] ndcg;
  private final double[] map;
  private final List<Set<String>> shown;
  private long requests;

  Scoreboard(int[] cutoffs) {
    this.cutoffs = cutoffs.clone();
    this.recall = new double[cutoffs.length];
    this.ndcg = new double[cutoffs.length];
    this.map = new double[cutoffs.length];
    this.shown = java.util.stream.IntStream.range(0, cutoffs.length)
        .mapToObj(i -> (Set<String>) new HashSet<String>()).toList();
  }

  void add(List<String> recommended, String relevant) {
    requests++;
    int rank = recommended.indexOf(relevant);
    for (int c = 0; c < cutoffs.length; c++) {
      int k = cutoffs[c];
      shown.get(c).addAll(recommended.subList(0, Math.min(k, recommended.size())));
      if (rank >= 0 && rank < k) {
        recall[c] += 1;
        ndcg[c] += 1 / (Math.log(rank + 2) / Math.log(2));
        map[c] += 1.0 / (rank + 1);
      }
    }
  }

  long requests() {
    return requests;
  }

  Figures at(int cutoffIndex, int catalogSize) {
    double n = Math.max(1, requests);
    return new Figures(cutoffs[cutoffIndex], recall[cutoffIndex] / n, ndcg[cutoffIndex] / n,
        map[cutoffIndex] / n, (double) shown.get(cutoffIndex).size() / Math.max(1, catalogSize));
  }
}
