package dev.recsys.features.replay;

import dev.recsys.features.intake.RefusalReason;
import java.util.Map;

/** What a replay did: records read and how the intake judged them, and the rows it labelled. */
public record ReplaySummary(long eventsRead, long accepted, long duplicates,
    Map<RefusalReason, Long> refused, long rows, long positives, long negatives, int users,
    int items, boolean fromImpressions) {
  public ReplaySummary {
    refused = Map.copyOf(refused);
  }
}
