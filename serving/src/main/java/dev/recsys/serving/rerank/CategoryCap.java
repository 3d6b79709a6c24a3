package dev.recsys.serving.rerank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps at most {@code max} items per category, best first; items without a category are kept. */
record CategoryCap(int max) implements RerankRule {
  public static final String NAME = "category-cap";

  public CategoryCap {
    if (max < 1) {
      throw new IllegalArgumentException("max_per_category must be >= 1, got " + max);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Slot> apply(List<Slot> slate, RerankContext context) {
    Map<String, Integer> counts = new HashMap<>();
    List<Slot> kept = new ArrayList<>(slate.size());
    for (Slot slot : slate) {
      Optional<String> category = context.catalog().category(slot.itemId());
      if (category.isEmpty() || counts.merge(category.get(), 1, Integer::sum) <= max) {
        kept.add(slot);
      }
    }
    return kept.size() == slate.size() ? slate : List.copyOf(kept);
  }
}
