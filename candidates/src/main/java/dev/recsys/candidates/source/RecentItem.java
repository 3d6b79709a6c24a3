package dev.recsys.candidates.source;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An item the user touched recently, with the caller's weight for that kind of touch. */
public record RecentItem(String itemId, float weight, Instant at) {
  public RecentItem {
    requireNonNull(itemId, "itemId");
    requireNonNull(at, "at");
    if (!(weight > 0) || Float.isInfinite(weight)) {
      throw new IllegalArgumentException(
          "weight must be positive and finite, got " + weight + " for '" + itemId + "'");
    }
  }
}
