package dev.recsys.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestClocksTest {

  @Test
  void shouldAlwaysTellTheSameInstantInUtc() {
    assertThat(TestClocks.FIXED.instant()).isEqualTo(Instant.parse("2021-06-01T00:00:01Z"));
    assertThat(TestClocks.FIXED.getZone()).isEqualTo(ZoneOffset.UTC);
  }
}
