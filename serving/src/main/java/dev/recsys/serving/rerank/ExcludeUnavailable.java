package dev.recsys.serving.rerank;

import java.util.List;

/** Drops items the catalog marks unavailable (items it does not know stay). */
record ExcludeUnavailable() implements RerankRule {
  public static final String NAME = "exclude-unavailable";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Slot> apply(List<Slot> slate, RerankContext context) {
    return slate.stream()
        .filter(slot -> context.catalog().available(slot.itemId()))
        .toList();
  }
}
