package dev.recsys.ingest.load;

import java.time.Duration;

/**
 * How an events file was ordered and what the loader did about it: the rows whose event time is
 * before an earlier row's, the furthest one behind, whether the events were published sorted by
 * event time, and the sorted runs that spilled to disk.
 */
public record EventOrder(long rowsBehind, Duration maxBehind, boolean sorted, int spilledRuns) {
  /** A file with no events, or items, which have no order to keep. */
  public static final EventOrder NONE = new EventOrder(0, Duration.ZERO, false, 0);

  public boolean inOrder() {
    return rowsBehind == 0;
  }

  /** Watches event times in file order. */
  static final class Watch {
    private long newest = Long.MIN_VALUE;
    private long behind;
    private long maxBehind;

    void see(long time) {
      if (time < newest) {
        behind++;
        maxBehind = Math.max(maxBehind, newest - time);
      } else {
        newest = time;
      }
    }

    EventOrder order(boolean sorted, int spilledRuns) {
      return new EventOrder(behind, Duration.ofMillis(maxBehind), sorted, spilledRuns);
    }
  }
}
