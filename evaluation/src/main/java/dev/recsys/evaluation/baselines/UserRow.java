package dev.recsys.evaluation.baselines;

import static java.util.Objects.requireNonNull;

/**
 * What a model knows of one user: the item columns of {@link TrainingData} they had, with the
 * summed weight of each.
 *
 * @param user the user's row in the training matrix when these are exactly its items, else -1
 *     (a history that grew after the fit, or a user the fit never saw)
 */
public record UserRow(int user, int[] columns, float[] weights) {
  public UserRow {
    requireNonNull(columns, "columns");
    requireNonNull(weights, "weights");
    if (columns.length != weights.length) {
      throw new IllegalArgumentException(
          "one weight per column: " + columns.length + " columns, " + weights.length + " weights");
    }
  }

  public boolean isEmpty() {
    return columns.length == 0;
  }

  /** The user's row of the training matrix. */
  static UserRow of(TrainingData data, int user) {
    var rows = data.matrix().byUser();
    int from = rows.start()[user];
    int to = rows.start()[user + 1];
    return new UserRow(
        user,
        java.util.Arrays.copyOfRange(rows.columns(), from, to),
        java.util.Arrays.copyOfRange(rows.weights(), from, to));
  }
}
