package dev.recsys.features.intake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntakePolicyTest {
  @Test
  void shouldRefuseAHorizonShorterThanTheGracePeriod() {
    // A duplicate could then arrive within grace after its user's state forgot the id.
    assertThatThrownBy(() -> new IntakePolicy(Duration.ofHours(2), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "features.dedupe-horizon (PT1H) must be at least features.grace " + "(PT2H)");
  }
}
