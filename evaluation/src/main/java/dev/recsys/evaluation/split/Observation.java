package dev.recsys.evaluation.split;

import static java.util.Objects.requireNonNull;

/**
 * One accepted interaction as the split sees it.
 *
 * @param time event time, epoch milliseconds
 * @param weight how much it says about liking the item (0: history only, not a training signal)
 * @param target whether it is of a type the evaluation predicts
 */
public record Observation(String userId, String itemId, long time, float weight, boolean target) {
  public Observation {
    requireNonNull(userId, "userId");
    requireNonNull(itemId, "itemId");
    if (!(weight >= 0) || Float.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be >= 0 and finite, got " + weight);
    }
  }
}
