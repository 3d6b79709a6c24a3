package dev.recsys.ranking.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Offline ranking metrics over scored rows with binary labels. */
final class RankingMetrics {
  private RankingMetrics() {}

  /** ROC AUC by the rank-sum formula, ties sharing their average rank; NaN with one class. */
  public static double auc(float[] scores, int[] labels) {
    Integer[] order = IntStream.range(0, scores.length)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> scores[i]))
        .toArray(Integer[]::new);
    double positiveRankSum = 0;
    long positives = 0;
    for (int start = 0; start < order.length; ) {
      int end = start;
      while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      double rank = (start + end) / 2.0 + 1;
      for (int i = start; i <= end; i++) {
        if (labels[order[i]] == 1) {
          positiveRankSum += rank;
          positives++;
        }
      }
      start = end + 1;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Mean NDCG@k over groups with at least one positive; NaN if there is none. */
  public static double meanNdcg(float[] scores, int[] labels, int[] groups, int k) {
    Map<Integer, List<Integer>> rowsByGroup = new LinkedHashMap<>();
    for (int i = 0; i < scores.length; i++) {
      rowsByGroup.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
    }
    double sum = 0;
    int counted = 0;
    for (List<Integer> rows : rowsByGroup.values()) {
      int positives = (int) rows.stream().filter(i -> labels[i] == 1).count();
      if (positives == 0) {
        continue;
      }
      rows.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
      double dcg = 0;
      for (int rank = 0; rank < Math.min(k, rows.size()); rank++) {
        dcg += labels[rows.get(rank)] / log2(rank + 2);
      }
      double ideal = 0;
      for (int rank = 0; rank < Math.min(k, positives); rank++) {
        ideal += 1 / log2(rank + 2);
      }
      sum += dcg / ideal;
      counted++;
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  /** Groups in {@code groups} with at least one positive. */
  public static int groupsWithPositives(int[] labels, int[] groups) {
    return (int) IntStream.range(0, labels.length)
        .filter(i -> labels[i] == 1)
        .map(i -> groups[i])
        .distinct()
        .count();
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
