package dev.recsys.features.replay;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.pair.PairFeatures;

/**
 * One labelled example: the pair's features as they were strictly before {@code timestamp}.
 *
 * @param groupId the ranking group: the request for impressions, else the user's session
 * @param label 1 for a positive, 0 for a negative
 * @param features values in {@link PairFeatures#NAMES} order
 */
public record TrainingRow(
    String groupId, String userId, String itemId, long timestamp, int label, double[] features) {
  public TrainingRow {
    requireNonNull(groupId, "groupId");
    requireNonNull(userId, "userId");
    requireNonNull(itemId, "itemId");
    requireNonNull(features, "features");
    if (label != 0 && label != 1) {
      throw new IllegalArgumentException("label must be 0 or 1, got " + label);
    }
    if (features.length != PairFeatures.NAMES.size()) {
      throw new IllegalArgumentException(
          "expected " + PairFeatures.NAMES.size() + " features, got " + features.length);
    }
  }
}
