package dev.recsys.serving.rerank;

import java.util.List;
import java.util.Set;

/** One re-ranking rule: takes the slate best first and returns it changed. Stateless, thread-safe. */
public sealed interface RerankRule permits ExcludeSeen, ExcludeTouched, RepeatPurchases,
    ExcludeUnavailable, FreshBoost, CategoryBoost, MmrDiversity, CategoryCap, PinnedSlots {

  /** Short stable name, shown in {@code explain} and used as a metrics tag. */
  String name();

  List<Slot> apply(List<Slot> slate, RerankContext context);

  /** Items this rule would remove whatever their score, so candidate sources can skip them. */
  default Set<String> excludes(RerankContext context) {
    return Set.of();
  }
}
