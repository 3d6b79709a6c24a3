package dev.recsys.ranking.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quality of the exported model on the time-based holdout.
 *
 * @param auc ROC AUC over all holdout rows
 * @param ndcgAt10 mean NDCG@10 over holdout groups with at least one positive
 * @param groups holdout groups with at least one positive
 */
public record HoldoutMetrics(
    double auc, double ndcgAt10, int trainRows, int holdoutRows, int groups) {
  public static final int NDCG_CUTOFF = 10;

  /** As written to {@code model.json}'s {@code metrics}. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("auc", auc);
    m.put("ndcg_at_10", ndcgAt10);
    m.put("train_rows", (double) trainRows);
    m.put("holdout_rows", (double) holdoutRows);
    m.put("holdout_groups", (double) groups);
    return m;
  }
}
