package dev.recsys.features.skew;

import java.util.List;

/**
 * The outcome of a skew check: entities compared, those replay knows but the online store lacks
 * (or the reverse is not checked: the store may hold entities from before the replayed range),
 * and each feature's comparison, worst first.
 */
public record SkewReport(long users, long items, long missingOnline, List<FeatureSkew> features) {
  public SkewReport {
    features = List.copyOf(features);
  }

  /** True when every replayed entity is online with the same values. */
  public boolean clean() {
    return missingOnline == 0 && features.stream().allMatch(f -> f.differing() == 0);
  }

  /** A fixed-width table for the terminal. */
  public String table() {
    StringBuilder out = new StringBuilder(
        String.format("%-34s %10s %10s %14s%n", "feature", "compared", "differing", "max |diff|"));
    for (FeatureSkew f : features) {
      out.append(String.format(
          "%-34s %10d %10d %14.3g%n", f.feature(), f.compared(), f.differing(), f.maxAbsDiff()));
      if (!f.example().isEmpty()) {
        out.append("    e.g. ").append(f.example()).append(System.lineSeparator());
      }
    }
    return out.append(String.format(
            "%d users and %d items compared, %d missing online: %s%n",
            users, items, missingOnline, clean() ? "no skew" : "SKEW"))
        .toString();
  }
}
