package dev.recsys.candidates.ann;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/** Which items a search may return. {@link #ALL} is the null object; never pass {@code null}. */
@FunctionalInterface
public interface ItemFilter {

  /** Accepts every item. */
  ItemFilter ALL = itemId -> true;

  boolean accepts(String itemId);

  /** Rejects the given ids; an empty set gives {@link #ALL}. */
  static ItemFilter excluding(Set<String> excludedIds) {
    requireNonNull(excludedIds, "excludedIds");
    if (excludedIds.isEmpty()) {
      return ALL;
    }
    Set<String> excluded = Set.copyOf(excludedIds);
    return itemId -> !excluded.contains(itemId);
  }

  /** Accepts an item only if both filters accept it. */
  default ItemFilter and(ItemFilter other) {
    requireNonNull(other, "other");
    if (other == ALL) {
      return this;
    }
    if (this == ALL) {
      return other;
    }
    return itemId -> accepts(itemId) && other.accepts(itemId);
  }
}
