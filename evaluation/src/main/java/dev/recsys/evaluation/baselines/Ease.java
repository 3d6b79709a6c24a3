package dev.recsys.evaluation.baselines;

import dev.recsys.candidates.embeddings.InteractionMatrix;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EASE (Steck 2019): an item-item weight matrix B with a zero diagonal fitted in closed form to
 * reproduce the binary user x item matrix X: with P = (X^T X + lambda I)^-1, B_ij = -P_ij / P_jj.
 * A user's scores are x_u B. One n x n inversion costs O(n^3) (about 10 s at 4,000 items on two
 * cores), so EASE keeps the {@code maxItems} items with the most users; the others score minus
 * infinity and are never recommended.
 */
final class Ease implements ScoreModel {
  public static final int DEFAULT_MAX_ITEMS = 5_000;

  private final int[] local;
  private final int[] global;
  private final float[] weights;

  private Ease(int[] local, int[] global, float[] weights) {
    this.local = local;
    this.global = global;
    this.weights = weights;
  }

  public static Ease fit(TrainingData data, double lambda, int maxItems) {
    if (!(lambda > 0) || maxItems < 1) {
      throw new IllegalArgumentException(
          "EASE needs lambda > 0 and maxItems >= 1, got " + lambda + " and " + maxItems);
    }
    int[] global = mostUsed(data, maxItems);
    int[] local = new int[data.itemCount()];
    Arrays.fill(local, -1);
    for (int l = 0; l < global.length; l++) {
      local[global[l]] = l;
    }
    int n = global.length;
    InteractionMatrix.Rows rows = data.matrix().byUser();
    DMatrixRMaj gram = gram(rows, local, n);
    for (int i = 0; i < n; i++) {
      gram.data[i * n + i] += lambda;
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_MT_DDRM.symmPosDef(n);
    if (!solver.setA(gram)) {
      throw new IllegalStateException(
          "EASE: X^T X + lambda I is not positive definite at " + "lambda " + lambda);
    }
    DMatrixRMaj inverse = new DMatrixRMaj(n, n);
    solver.invert(inverse);
    return new Ease(local, global, weights(inverse.data, n));
  }

  /** Item columns by number of users, most first, ties by id. */
  private static int[] mostUsed(TrainingData data, int maxItems) {
    InteractionMatrix.Rows byItem = data.matrix().byItem();
    return IntStream.range(0, data.itemCount())
        .boxed()
        .sorted(
            Comparator.comparingInt((Integer i) -> -byItem.size(i)).thenComparingInt(data::idRank))
        .limit(maxItems)
        .mapToInt(Integer::intValue)
        .sorted()
        .toArray();
  }

  /** X^T X of the binary matrix over the kept items: co-occurrence counts, counts on the diagonal. */
  private static DMatrixRMaj gram(InteractionMatrix.Rows rows, int[] local, int n) {
    DMatrixRMaj gram = new DMatrixRMaj(n, n);
    for (int u = 0; u + 1 < rows.start().length; u++) {
      for (int a = rows.start()[u]; a < rows.start()[u + 1]; a++) {
        int i = local[rows.columns()[a]];
        if (i < 0) {
          continue;
        }
        for (int b = rows.start()[u]; b < rows.start()[u + 1]; b++) {
          int j = local[rows.columns()[b]];
          if (j >= 0) {
            gram.data[i * n + j] += 1;
          }
        }
      }
    }
    return gram;
  }

  private static float[] weights(double[] inverse, int n) {
    float[] b = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i * n + j] = i == j ? 0f : (float) (-inverse[i * n + j] / inverse[j * n + j]);
      }
    }
    return b;
  }

  /** B_ij between two item columns of the training data; 0 when either was not kept. */
  public float weight(int i, int j) {
    return local[i] < 0 || local[j] < 0 ? 0f : weights[local[i] * global.length + local[j]];
  }

  @Override
  public void score(UserRow row, float[] out) {
    int n = global.length;
    float[] sums = new float[n];
    for (int column : row.columns()) {
      int i = local[column];
      if (i < 0) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        sums[j] += weights[i * n + j];
      }
    }
    Arrays.fill(out, Float.NEGATIVE_INFINITY);
    for (int j = 0; j < n; j++) {
      out[global[j]] = sums[j];
    }
  }
}
