package dev.recsys.candidates.embeddings;

import static java.util.Objects.requireNonNull;

/** One (user, item, weight) triple; the caller decides how event types map to weights. */
public record Interaction(String userId, String itemId, float weight) {
  public Interaction {
    requireNonNull(userId, "userId");
    requireNonNull(itemId, "itemId");
    if (!(weight > 0) || Float.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be positive and finite, got "
          + weight
          + " for user '"
          + userId
          + "' item '"
          + itemId
          + "'");
    }
  }
}
