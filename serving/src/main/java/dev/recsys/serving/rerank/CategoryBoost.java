package dev.recsys.serving.rerank;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/** Multiplies the score of items in a category by that category's factor. */
record CategoryBoost(Map<String, Double> factors) implements RerankRule {
  public static final String NAME = "category-boost";

  public CategoryBoost {
    factors = Map.copyOf(requireNonNull(factors, "factors"));
    factors.forEach(
        (category, factor) -> Slates.requireFactor("boosts.categories." + category, factor));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Slot> apply(List<Slot> slate, RerankContext context) {
    return Slates.rescore(
        slate,
        slot -> context
            .catalog()
            .category(slot.itemId())
            .map(factors::get)
            .map(factor -> slot.rescored(slot.score() * factor, NAME))
            .orElse(slot));
  }
}
