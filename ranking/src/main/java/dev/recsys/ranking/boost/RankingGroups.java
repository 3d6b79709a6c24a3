package dev.recsys.ranking.boost;

import java.util.Arrays;

/**
 * Rows gathered by group (a labelled moment and its candidates), with what LambdaMART needs of
 * them: the lambda gradients of NDCG under the current scores, and NDCG@k itself. Labels are
 * binary; groups with no positive or no negative teach nothing and get no gradient.
 */
final class RankingGroups {
  private final int[] labels;
  /** Row indices, group after group; group {@code g} is {@code rows[start[g], start[g + 1])}. */
  private final int[] rows;

  private final int[] start;

  RankingGroups(int[] labels, int[] groups) {
    this.labels = labels;
    int max = Arrays.stream(groups).max().orElse(-1);
    int[] counts = new int[max + 2];
    for (int g : groups) {
      counts[g + 1]++;
    }
    for (int g = 0; g <= max; g++) {
      counts[g + 1] += counts[g];
    }
    this.start = counts.clone();
    this.rows = new int[groups.length];
    int[] next = counts;
    for (int r = 0; r < groups.length; r++) {
      rows[next[groups[r]]++] = r;
    }
  }

  /**
   * LambdaMART's gradient and hessian of every row (Burges 2010): for each positive i above or
   * below each negative j, {@code rho = 1 / (1 + exp(s_i - s_j))} weighted by how much NDCG
   * would change if the two swapped places.
   */
  void lambdas(double[] scores, float[] gradient, float[] hessian) {
    Arrays.fill(gradient, 0f);
    Arrays.fill(hessian, 0f);
    for (int g = 0; g + 1 < start.length; g++) {
      int[] ranked = ranked(g, scores);
      int positives = positives(ranked);
      if (positives == 0 || positives == ranked.length) {
        continue;
      }
      double ideal = idealDcg(positives, ranked.length);
      for (int a = 0; a < ranked.length; a++) {
        int i = ranked[a];
        if (labels[i] != 1) {
          continue;
        }
        for (int b = 0; b < ranked.length; b++) {
          int j = ranked[b];
          if (labels[j] == 1) {
            continue;
          }
          double delta = Math.abs(discount(a) - discount(b)) / ideal;
          double rho = 1 / (1 + Math.exp(scores[i] - scores[j]));
          double hess = Math.max(rho * (1 - rho), 1e-9) * delta;
          gradient[i] -= (float) (rho * delta);
          gradient[j] += (float) (rho * delta);
          hessian[i] += (float) hess;
          hessian[j] += (float) hess;
        }
      }
    }
  }

  /** Mean NDCG@k over groups with a positive (ties keep row order); NaN if there is none. */
  double meanNdcg(double[] scores, int k) {
    double sum = 0;
    int counted = 0;
    for (int g = 0; g + 1 < start.length; g++) {
      int[] ranked = ranked(g, scores);
      int positives = positives(ranked);
      if (positives == 0) {
        continue;
      }
      double dcg = 0;
      for (int a = 0; a < Math.min(k, ranked.length); a++) {
        dcg += labels[ranked[a]] * discount(a);
      }
      sum += dcg / idealDcg(positives, k);
      counted++;
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  /** Group {@code g}'s rows by descending score (insertion sort: groups are small). */
  private int[] ranked(int g, double[] scores) {
    int[] out = Arrays.copyOfRange(rows, start[g], start[g + 1]);
    for (int a = 1; a < out.length; a++) {
      int row = out[a];
      int b = a - 1;
      while (b >= 0 && scores[out[b]] < scores[row]) {
        out[b + 1] = out[b];
        b--;
      }
      out[b + 1] = row;
    }
    return out;
  }

  private int positives(int[] group) {
    int n = 0;
    for (int r : group) {
      n += labels[r] == 1 ? 1 : 0;
    }
    return n;
  }

  private static double idealDcg(int positives, int k) {
    double ideal = 0;
    for (int a = 0; a < Math.min(k, positives); a++) {
      ideal += discount(a);
    }
    return ideal;
  }

  private static double discount(int rank) {
    return 1 / (Math.log(rank + 2) / Math.log(2));
  }
}
