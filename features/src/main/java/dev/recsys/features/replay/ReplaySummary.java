package dev.recsys.features.replay;

import dev.recsys.features.intake.RefusalReason;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What a replay did: records read and how the intake judged them, and the rows it labelled. */
public record ReplaySummary(
    long eventsRead,
    long accepted,
    long duplicates,
    Map<RefusalReason, Long> refused,
    long rows,
    long positives,
    long negatives,
    int users,
    int items,
    boolean fromImpressions) {
  public ReplaySummary {
    refused = Map.copyOf(refused);
  }

  /** Records the intake refused (late, invalid, undecodable) or dropped as duplicates. */
  public long notAccepted() {
    return eventsRead - accepted;
  }

  /** {@link #notAccepted()} as a share of the records read; 0 when none were read. */
  public double notAcceptedShare() {
    return eventsRead == 0 ? 0 : notAccepted() / (double) eventsRead;
  }

  /** {@code 781 of 100,836 accepted; 100,055 refused (99.2 %): 100,055 late, 0 duplicates}. */
  public String intakeLine() {
    String reasons = refused.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey().tag()))
        .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "%,d of %,d events accepted; %,d not (%.1f %%): %s%s" + "%,d duplicates",
        accepted,
        eventsRead,
        notAccepted(),
        100 * notAcceptedShare(),
        reasons,
        reasons.isEmpty() ? "" : ", ",
        duplicates);
  }
}
