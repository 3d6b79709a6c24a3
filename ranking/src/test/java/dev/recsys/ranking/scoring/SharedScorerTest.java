package dev.recsys.ranking.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedScorerTest {
  private final AtomicInteger closes = new AtomicInteger();
  private final Scorer counting = new Scorer() {
    @Override
    public float[] score(FeatureMatrix candidates) {
      return new float[candidates.rows()];
    }

    @Override
    public List<String> featureNames() {
      return List.of();
    }

    @Override
    public String modelVersion() {
      return "test/1";
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  };

  @Test
  void shouldCloseOnlyAfterTheLastInFlightRequestReleases() {
    SharedScorer shared = new SharedScorer(counting);
    assertThat(shared.tryAcquire()).isTrue();

    shared.release(); // retired by a swap while a request is in flight
    assertThat(closes).hasValue(0);

    shared.release(); // the request ends
    assertThat(closes).hasValue(1);
    assertThat(shared.tryAcquire()).isFalse();
  }
}
