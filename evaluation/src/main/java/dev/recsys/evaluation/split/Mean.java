package dev.recsys.evaluation.split;

import java.util.Locale;

/** A mean over users with its standard error (sample standard deviation over the square root of n). */
record Mean(double value, double stdError) {
  public static Mean of(double sum, double sumOfSquares, long n) {
    if (n == 0) {
      return new Mean(0, 0);
    }
    double mean = sum / n;
    if (n == 1) {
      return new Mean(mean, 0);
    }
    double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
    return new Mean(mean, Math.sqrt(variance / n));
  }

  /** {@code 0.0412 ± 0.0031}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4f ± %.4f", value, stdError);
  }
}
