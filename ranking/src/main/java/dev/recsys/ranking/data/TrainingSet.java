package dev.recsys.ranking.data;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Rows of a training set in a compact column form, ordered by time.
 *
 * @param featureNames the feature columns, in the order of {@code features}' row layout
 * @param features row-major raw feature values, {@code rows * featureNames.size()} floats
 * @param labels 1 for a positive, 0 for a negative
 * @param groups dense group index per row (request or session), for ranking metrics
 * @param timestamps epoch millis of each labelled moment, non-decreasing
 * @param fingerprint the training-set fingerprint from the manifest
 */
public record TrainingSet(
    List<String> featureNames,
    float[] features,
    int[] labels,
    int[] groups,
    long[] timestamps,
    String fingerprint) {

  public TrainingSet {
    featureNames = List.copyOf(requireNonNull(featureNames, "featureNames"));
    requireNonNull(features, "features");
    requireNonNull(labels, "labels");
    requireNonNull(groups, "groups");
    requireNonNull(timestamps, "timestamps");
    requireNonNull(fingerprint, "fingerprint");
    int rows = labels.length;
    if (features.length != rows * featureNames.size()
        || groups.length != rows
        || timestamps.length != rows) {
      throw new IllegalArgumentException("columns disagree: " + rows + " labels, "
          + groups.length + " groups, " + timestamps.length + " timestamps and "
          + features.length + " feature values for " + featureNames.size() + " features");
    }
    for (int i = 1; i < rows; i++) {
      if (timestamps[i] < timestamps[i - 1]) {
        throw new IllegalArgumentException(
            "rows must be ordered by timestamp; row " + i + " is earlier than row " + (i - 1));
      }
    }
  }

  public int rows() {
    return labels.length;
  }

  public int width() {
    return featureNames.size();
  }

  public int positives() {
    return (int) Arrays.stream(labels).filter(l -> l == 1).count();
  }

  /** Rows {@code [from, to)} as a training set of their own. */
  public TrainingSet slice(int from, int to) {
    int w = width();
    return new TrainingSet(
        featureNames,
        Arrays.copyOfRange(features, from * w, to * w),
        Arrays.copyOfRange(labels, from, to),
        Arrays.copyOfRange(groups, from, to),
        Arrays.copyOfRange(timestamps, from, to),
        fingerprint);
  }

  /**
   * Splits by time: the holdout is the latest {@code holdoutFraction} of rows, widened so that
   * rows sharing the boundary timestamp all land in the holdout.
   */
  public TimeSplit splitByTime(double holdoutFraction) {
    if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
      throw new IllegalArgumentException(
          "holdoutFraction must be in (0, 1), was " + holdoutFraction);
    }
    int cut = rows() - (int) Math.ceil(rows() * holdoutFraction);
    while (cut > 0 && cut < rows() && timestamps[cut - 1] == timestamps[cut]) {
      cut--;
    }
    if (cut == 0 || cut == rows()) {
      throw new IllegalArgumentException("cannot split " + rows() + " rows by time with holdout "
          + holdoutFraction + "; the training set needs more rows or more distinct timestamps");
    }
    return new TimeSplit(slice(0, cut), slice(cut, rows()), timestamps[cut]);
  }
}
