package dev.recsys.serving.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdaptiveLimitTest {
  /** Demand that fills any bound up to the ceiling of 16. */
  private static final int FULL = 16;

  @Test
  void shouldStartAtTheCeilingAndShrinkToTheFloorWhileTheCpuStaysBusy() {
    AdaptiveLimit limit = new AdaptiveLimit(4, 16);
    assertThat(limit.current()).isEqualTo(16);

    limit.adjust(0.95, FULL);
    assertThat(limit.current()).isEqualTo(12);
    limit.adjust(0.95, FULL);
    assertThat(limit.current()).isEqualTo(9);
    for (int i = 0; i < 10; i++) {
      limit.adjust(1.0, FULL);
    }
    assertThat(limit.current()).isEqualTo(4);
  }

  @Test
  void shouldRideOutABriefBurst() {
    AdaptiveLimit limit = new AdaptiveLimit(4, 16);
    for (int i = 0; i < 5; i++) {
      limit.adjust(0.5, FULL);
    }

    limit.adjust(1.0, FULL); // smoothed 0.75
    limit.adjust(1.0, FULL); // smoothed 0.875
    assertThat(limit.current()).as("two busy samples after a calm spell").isEqualTo(16);
    limit.adjust(1.0, FULL); // smoothed 0.94: sustained
    assertThat(limit.current()).isEqualTo(12);
  }

  @Test
  void shouldGrowBackToTheCeilingOnceTheCpuHasRoomAndHoldBetween() {
    AdaptiveLimit limit = new AdaptiveLimit(4, 16);
    for (int i = 0; i < 10; i++) {
      limit.adjust(1.0, FULL);
    }
    for (int i = 0; i < 10; i++) {
      limit.adjust(0.85, FULL);
    }
    assertThat(limit.current()).as("between idle and busy: hold").isEqualTo(4);

    limit.adjust(0.5, FULL); // smoothed 0.68
    assertThat(limit.current()).isEqualTo(5);
    for (int i = 0; i < 20; i++) {
      limit.adjust(0.2, FULL);
    }
    assertThat(limit.current()).isEqualTo(16);
  }

  @Test
  void shouldHoldWhileTheCpuIsBusyButTheBoundIsNotReached() {
    AdaptiveLimit limit = new AdaptiveLimit(4, 16);
    for (int i = 0; i < 10; i++) {
      limit.adjust(1.0, 15);
    }
    assertThat(limit.current()).as("someone else's busy CPU").isEqualTo(16);

    limit.adjust(1.0, 16);
    assertThat(limit.current()).isEqualTo(12);
    limit.adjust(1.0, 11);
    assertThat(limit.current()).isEqualTo(12);
    limit.adjust(1.0, 20);
    assertThat(limit.current()).as("refused requests count as demand").isEqualTo(9);
  }

  @Test
  void shouldIgnoreAnUnknownLoad() {
    AdaptiveLimit limit = new AdaptiveLimit(4, 16);
    limit.adjust(-1, FULL);
    limit.adjust(Double.NaN, FULL);
    limit.adjust(0.5, FULL);
    assertThat(limit.current()).isEqualTo(16);
  }

  @Test
  void shouldRefuseAFloorAboveTheCeiling() {
    assertThatThrownBy(() -> new AdaptiveLimit(8, 4)).hasMessageContaining("floor 8, ceiling 4");
  }
}
