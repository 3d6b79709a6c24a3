package dev.recsys.serving.rerank;

import static java.util.Objects.requireNonNull;

import dev.recsys.serving.catalog.CatalogItem;
import java.time.Duration;
import java.util.List;

/** Multiplies the score of items created within {@code within} of the request by {@code factor}. */
record FreshBoost(Duration within, double factor) implements RerankRule {
  public static final String NAME = "fresh-boost";

  public FreshBoost {
    requireNonNull(within, "within");
    if (within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("boosts.fresh.within must be positive, got " + within);
    }
    Slates.requireFactor("boosts.fresh.factor", factor);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Slot> apply(List<Slot> slate, RerankContext context) {
    long since = context.now() - within.toMillis();
    return Slates.rescore(
        slate,
        slot -> context
            .catalog()
            .item(slot.itemId())
            .map(CatalogItem::createdAt)
            .filter(created -> created >= since)
            .map(created -> slot.rescored(slot.score() * factor, NAME))
            .orElse(slot));
  }
}
