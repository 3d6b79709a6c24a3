package dev.recsys.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedRuntimeIT {

  /** Start-up takes a few seconds; this bound only catches a hang, not a slowdown. */
  private static final Duration SANITY_BOUND = Duration.ofSeconds(30);

  @Test
  void shouldStartKafkaAndRedisWithinTheSanityBound() {
    long startNanos = System.nanoTime();

    try (EmbeddedRuntime runtime = EmbeddedRuntime.start()) {
      assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(SANITY_BOUND);
      assertThat(runtime.kafka().dataDir()).isDirectory();
      assertThat(runtime.redis().isRunning()).isTrue();
    }
  }

  @Test
  void shouldStopBothAndDeleteTheirFilesWhenClosed() {
    EmbeddedRuntime runtime = EmbeddedRuntime.start();

    runtime.close();

    assertThat(runtime.kafka().dataDir()).doesNotExist();
    assertThat(runtime.redis().isRunning()).isFalse();
    assertThat(runtime.redis().dataDir()).doesNotExist();
  }
}
