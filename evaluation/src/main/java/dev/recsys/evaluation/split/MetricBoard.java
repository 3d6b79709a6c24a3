package dev.recsys.evaluation.split;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One system's lists scored one by one (a user's list in the split protocol, a held-out
 * interaction's in the sequential one): sums and sums of squares per metric and cut-off.
 */
public final class MetricBoard {
  private static final int RECALL = 0;
  private static final int NDCG = 1;
  private static final int MAP = 2;
  private static final int HIT = 3;

  private final int[] cutoffs;
  private final double[][] sums;
  private final double[][] squares;
  private final List<Set<String>> shown = new ArrayList<>();
  private long lists;

  public MetricBoard(int[] cutoffs) {
    this.cutoffs = cutoffs.clone();
    this.sums = new double[cutoffs.length][4];
    this.squares = new double[cutoffs.length][4];
    for (int c = 0; c < cutoffs.length; c++) {
      shown.add(new HashSet<>());
    }
  }

  /** Scores one list, cut to the largest cut-off, against the items that were relevant. */
  public void add(List<String> list, Set<String> relevant) {
    lists++;
    for (int c = 0; c < cutoffs.length; c++) {
      int k = cutoffs[c];
      shown.get(c).addAll(list.subList(0, Math.min(k, list.size())));
      record(c, RECALL, ListMetrics.recall(list, relevant, k));
      record(c, NDCG, ListMetrics.ndcg(list, relevant, k));
      record(c, MAP, ListMetrics.averagePrecision(list, relevant, k));
      record(c, HIT, ListMetrics.hit(list, relevant, k));
    }
  }

  private void record(int cutoff, int metric, double value) {
    sums[cutoff][metric] += value;
    squares[cutoff][metric] += value * value;
  }

  public List<SplitFigures> figures(int catalogSize) {
    List<SplitFigures> out = new ArrayList<>();
    for (int c = 0; c < cutoffs.length; c++) {
      out.add(new SplitFigures(
          cutoffs[c],
          mean(c, RECALL),
          mean(c, NDCG),
          mean(c, MAP),
          mean(c, HIT),
          shown.get(c).size() / (double) Math.max(1, catalogSize)));
    }
    return out;
  }

  private Mean mean(int cutoff, int metric) {
    return Mean.of(sums[cutoff][metric], squares[cutoff][metric], lists);
  }
}
