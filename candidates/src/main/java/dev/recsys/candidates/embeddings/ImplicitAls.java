package dev.recsys.candidates.embeddings;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Implicit-feedback ALS (Hu, Koren, Volinsky 2008) where each least-squares solve is replaced by a
 * few warm-started conjugate-gradient steps (Takacs, Pilaszy, Tikk 2011), so a pass costs O(nnz * f
 * * steps + n * f^2 * steps) rather than O(n * f^3). Users and items are solved in parallel.
 */
public final class ImplicitAls {

  private ImplicitAls() {}

  public static Embeddings train(
      InteractionMatrix matrix, AlsParams params, TrainingListener listener) {
    long start = System.nanoTime();
    SplittableRandom random = new SplittableRandom(params.seed());
    float[][] users = randomFactors(matrix.userIds().size(), params, random);
    float[][] items = randomFactors(matrix.itemIds().size(), params, random);
    for (int iteration = 1; iteration <= params.iterations(); iteration++) {
      solveAll(users, items, matrix.byUser(), params);
      solveAll(items, users, matrix.byItem(), params);
      listener.onIteration(
          iteration, params.iterations(), Duration.ofNanos(System.nanoTime() - start));
    }
    return new Embeddings(
        params.factors(), matrix.itemIds(), List.of(items), matrix.userIds(), List.of(users));
  }

  /** Solves a user vector for a row of interactions against fixed item factors. */
  @FunctionalInterface
  public interface UserSolver {
    /** The user vector for these item columns with their weights. */
    float[] solve(int[] columns, float[] weights);
  }

  /**
   * Folds in users the training never saw, or whose history grew since: the least-squares solve
   * of a user pass against the trained item factors, conjugate gradient from zero run for as many
   * steps as there are factors (exact up to rounding, as the system is f x f).
   */
  public static UserSolver userSolver(Embeddings embeddings, AlsParams params) {
    int f = params.factors();
    float[][] items = embeddings.itemVectors().toArray(new float[0][]);
    double[][] gram = gram(items, f);
    AlsParams exact = params.withCgSteps(f);
    return (columns, weights) -> {
      float[] x = new float[f];
      conjugateGradient(
          x,
          items,
          gram,
          new InteractionMatrix.Rows(new int[] {0, columns.length}, columns, weights),
          0,
          exact);
      return x;
    };
  }

  /** Updates every row of {@code solved} against the fixed factors {@code other}. */
  private static void solveAll(
      float[][] solved, float[][] other, InteractionMatrix.Rows rows, AlsParams params) {
    double[][] gram = gram(other, params.factors());
    IntStream.range(0, solved.length)
        .parallel()
        .forEach(row -> conjugateGradient(solved[row], other, gram, rows, row, params));
  }

  /**
   * Approximately solves (G + Y^T (C - I) Y + lambda I) x = Y^T C p for one row, starting from x.
   * Only the row's observed columns enter beyond the Gram matrix G = Y^T Y.
   */
  private static void conjugateGradient(
      float[] x,
      float[][] other,
      double[][] gram,
      InteractionMatrix.Rows rows,
      int row,
      AlsParams params) {
    int f = x.length;
    double[] residual = new double[f];
    double[] ax = multiply(x, other, gram, rows, row, params);
    for (int at = rows.start()[row]; at < rows.start()[row + 1]; at++) {
      float[] y = other[rows.columns()[at]];
      double confidence = 1 + params.alpha() * rows.weights()[at];
      for (int d = 0; d < f; d++) {
        residual[d] += confidence * y[d];
      }
    }
    for (int d = 0; d < f; d++) {
      residual[d] -= ax[d];
    }
    double[] direction = residual.clone();
    double rr = dot(residual, residual);
    for (int step = 0; step < params.cgSteps() && rr > 1e-12; step++) {
      double[] ap = multiply(direction, other, gram, rows, row, params);
      double stepSize = rr / dot(direction, ap);
      for (int d = 0; d < f; d++) {
        x[d] += (float) (stepSize * direction[d]);
        residual[d] -= stepSize * ap[d];
      }
      double next = dot(residual, residual);
      for (int d = 0; d < f; d++) {
        direction[d] = residual[d] + next / rr * direction[d];
      }
      rr = next;
    }
  }

  /** (G + Y^T (C - I) Y + lambda I) v, touching only the row's observed columns. */
  private static double[] multiply(
      float[] v,
      float[][] other,
      double[][] gram,
      InteractionMatrix.Rows rows,
      int row,
      AlsParams params) {
    double[] vd = new double[v.length];
    for (int d = 0; d < v.length; d++) {
      vd[d] = v[d];
    }
    return multiply(vd, other, gram, rows, row, params);
  }

  private static double[] multiply(
      double[] v,
      float[][] other,
      double[][] gram,
      InteractionMatrix.Rows rows,
      int row,
      AlsParams params) {
    int f = v.length;
    double[] out = new double[f];
    for (int i = 0; i < f; i++) {
      out[i] = dot(gram[i], v) + params.regularization() * v[i];
    }
    for (int at = rows.start()[row]; at < rows.start()[row + 1]; at++) {
      float[] y = other[rows.columns()[at]];
      double yv = 0;
      for (int d = 0; d < f; d++) {
        yv += y[d] * v[d];
      }
      double scale = params.alpha() * rows.weights()[at] * yv;
      for (int d = 0; d < f; d++) {
        out[d] += scale * y[d];
      }
    }
    return out;
  }

  private static double[][] gram(float[][] factors, int f) {
    double[][] gram = new double[f][f];
    for (float[] y : factors) {
      for (int i = 0; i < f; i++) {
        for (int j = i; j < f; j++) {
          gram[i][j] += y[i] * y[j];
        }
      }
    }
    for (int i = 0; i < f; i++) {
      for (int j = 0; j < i; j++) {
        gram[i][j] = gram[j][i];
      }
    }
    return gram;
  }

  private static float[][] randomFactors(int count, AlsParams params, SplittableRandom random) {
    float[][] factors = new float[count][params.factors()];
    for (float[] row : factors) {
      for (int d = 0; d < row.length; d++) {
        row[d] = (float) (params.initScale() * (random.nextDouble() * 2 - 1) * Math.sqrt(3));
      }
    }
    return factors;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
