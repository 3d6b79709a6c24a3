package dev.recsys.ranking.scoring;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Candidates to score: row-major raw feature values, one row per candidate.
 *
 * @param featureNames the column names; pass the same list instance every time for the fast path
 * @param values {@code rows * featureNames.size()} raw values
 */
public record FeatureMatrix(List<String> featureNames, int rows, float[] values) {
  public FeatureMatrix {
    requireNonNull(featureNames, "featureNames");
    requireNonNull(values, "values");
    if (rows < 0 || values.length != (long) rows * featureNames.size()) {
      throw new IllegalArgumentException("values must hold rows (" + rows + ") x features ("
          + featureNames.size() + ") floats, but holds " + values.length);
    }
  }

  public int width() {
    return featureNames.size();
  }
}
