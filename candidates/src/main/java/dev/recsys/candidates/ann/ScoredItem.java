package dev.recsys.candidates.ann;

import static java.util.Objects.requireNonNull;

/** An item and its similarity to the query; higher is closer. */
public record ScoredItem(String itemId, float score) {
  public ScoredItem {
    requireNonNull(itemId, "itemId");
  }
}
