package dev.recsys.features.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketsTest {
  private static final long HOUR = 3_600_000;

  /** Window sums against the definition, over random adds, prunes and windows. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void shouldSumExactlyTheBucketsOverlappingTheWindow(long seed) {
    Random random = new Random(seed);
    Buckets buckets = new Buckets(HOUR);
    List<long[]> events = new ArrayList<>();
    long now = 1_700_000_000_000L;
    long prunedBefore = Long.MIN_VALUE;
    for (int step = 0; step < 2_000; step++) {
      now += random.nextInt((int) (3 * HOUR));
      long time = now - random.nextInt((int) (2 * HOUR));
      int n = 1 + random.nextInt(3);
      buckets.add(time, n);
      events.add(new long[] {time, n});
      if (random.nextInt(10) == 0) {
        prunedBefore = now - 7 * 24 * HOUR;
        buckets.pruneBefore(prunedBefore);
      }
      long end = now - random.nextInt((int) (30 * HOUR));
      long length = random.nextBoolean() ? 24 * HOUR : 7 * 24 * HOUR;
      assertThat(buckets.sum(end, length))
          .as("step %d", step)
          .isEqualTo(expected(events, prunedBefore, end, length));
    }
  }

  private static long expected(List<long[]> events, long prunedBefore, long end, long length) {
    long sum = 0;
    for (long[] e : events) {
      long start = Math.floorDiv(e[0], HOUR) * HOUR;
      boolean kept = start + HOUR > prunedBefore;
      if (kept && start + HOUR > end - length && start <= end) {
        sum += e[1];
      }
    }
    return sum;
  }
}
