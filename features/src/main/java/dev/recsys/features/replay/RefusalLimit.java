package dev.recsys.features.replay;

import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.intake.RefusalReason;
import java.util.Locale;

/**
 * The largest share of the events a replaying job (replay, evaluate, train-embeddings, the demo)
 * accepts to see refused by the intake or dropped as duplicates before it fails: past it, every
 * number the job produces is built on what is left, and the user must hear why.
 */
public record RefusalLimit(double maxShare, IntakePolicy intake) {
  public static final double DEFAULT_MAX_SHARE = 0.05;
  public static final String KEY = "replay.max-refused-share";

  public RefusalLimit {
    if (!(maxShare >= 0 && maxShare <= 1)) {
      throw new IllegalArgumentException(KEY + " must be a share within 0..1, got " + maxShare);
    }
    if (intake == null) {
      throw new IllegalArgumentException("intake must not be null");
    }
  }

  public static RefusalLimit of(IntakePolicy intake) {
    return new RefusalLimit(DEFAULT_MAX_SHARE, intake);
  }

  /** Throws {@link TooManyRefusedException}, naming the cause and the fix, when over the limit. */
  public void check(String job, ReplaySummary summary) {
    if (summary.notAcceptedShare() <= maxShare) {
      return;
    }
    throw new TooManyRefusedException(String.format(
        Locale.ROOT,
        "%s: %s, more than %s = %.2f " + "allows. %s",
        job,
        summary.intakeLine(),
        KEY,
        maxShare,
        advice(summary)));
  }

  private String advice(ReplaySummary s) {
    long late = s.refused().getOrDefault(RefusalReason.LATE, 0L);
    long invalid = s.refused().getOrDefault(RefusalReason.INVALID, 0L)
        + s.refused().getOrDefault(RefusalReason.UNDECODABLE, 0L);
    StringBuilder out = new StringBuilder();
    if (late >= Math.max(invalid, s.duplicates())) {
      out.append("An event is late when its time is more than features.grace (")
          .append(intake.grace())
          .append(") behind the newest event time already on its "
              + "partition: a history file that is not in event-time order (ordered by user or "
              + "id) makes most of it late. Load it into fresh topics with recsys ingest, which "
              + "sorts each file by event time (without --assume-sorted); for a known "
              + "disorder, raise features.grace (FEATURES_GRACE) and features.dedupe-horizon.");
    } else if (invalid >= s.duplicates()) {
      out.append("Invalid or undecodable records are on the dead-letter topic with their "
          + "reasons: recsys dlq list; fix the producer, then recsys dlq redrive.");
    } else {
      out.append("Duplicates are events whose event_id the user's state already holds: a "
          + "file loaded twice, or a producer that resends with the same ids.");
    }
    return out.append(" To go on anyway, raise ")
        .append(KEY)
        .append(" (REPLAY_MAX_REFUSED_SHARE).")
        .toString();
  }
}
