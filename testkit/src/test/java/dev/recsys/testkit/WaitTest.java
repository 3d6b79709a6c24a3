package dev.recsys.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitTest {

  private static final Duration SHORT = Duration.ofMillis(50);

  private final AtomicInteger calls = new AtomicInteger();

  @Test
  void shouldReturnAsSoonAsTheConditionHolds() {
    Wait.until(Duration.ofSeconds(10), () -> calls.incrementAndGet() == 3, () -> "the third call");

    assertThat(calls).hasValue(3);
  }

  @Test
  void shouldReturnTheFirstPresentValue() {
    String value = Wait.untilPresent(
        Duration.ofSeconds(10),
        () -> calls.incrementAndGet() < 2 ? Optional.empty() : Optional.of("ready"),
        () -> "a value");

    assertThat(value).isEqualTo("ready");
  }

  @Test
  void shouldFailNamingWhatDidNotHappen() {
    assertThatThrownBy(() -> Wait.until(SHORT, () -> false, () -> "topic 'clicks' to exist"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("waited PT0.05S for topic 'clicks' to exist, but it did not happen");
  }

  @Test
  void shouldKeepTheLastFailureOfTheProbeAsCause() {
    assertThatThrownBy(() -> Wait.until(
            SHORT,
            () -> {
              throw new IllegalStateException("connection refused #" + calls.incrementAndGet());
            },
            () -> "Redis to answer"))
        .isInstanceOf(AssertionError.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connection refused #");
  }

  @Test
  void shouldRetryAfterAProbeThrows() {
    Wait.until(
        Duration.ofSeconds(10),
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("not yet");
          }
          return true;
        },
        () -> "the second call");

    assertThat(calls).hasValue(2);
  }
}
