package dev.recsys.serving.rerank;

import java.util.List;
import java.util.Set;

/** One re-ranking rule: takes the slate best first and returns it changed. Stateless, thread-safe. */
public sealed interface RerankRule
    permits ExcludeSeen,
        ExcludeTouched,
        RepeatPurchases,
        ExcludeUnavailable,
        FreshBoost,
        CategoryBoost,
        MmrDiversity,
        CategoryCap,
        PinnedSlots {

  /** Short stable name, shown in {@code explain} and used as a metrics tag. */
  String name();

  List<Slot> apply(List<Slot> slate, RerankContext context);

  /** Items this rule would remove whatever their score, so candidate sources can skip them. */
  default Set<String> excludes(RerankContext context) {
    return Set.of();
  }

  /** The slate without the items in {@code ids}, in order; the slate itself when none is. */
  static List<Slot> without(List<Slot> slate, Set<String> ids) {
    return ids.isEmpty()
        ? slate
        : slate.stream().filter(slot -> !ids.contains(slot.itemId())).toList();
  }
}
