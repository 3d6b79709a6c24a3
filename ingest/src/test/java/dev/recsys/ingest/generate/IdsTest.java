package dev.recsys.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void shouldZeroPadToTheWidthTheCountNeeds() {
    assertThat(Ids.of('u', 17, Ids.width(2_000, 5))).isEqualTo("u00017");
    assertThat(Ids.of('i', 42, Ids.width(1_000_000, 5))).isEqualTo("i000042");
    assertThat(Ids.of('c', 7, Ids.width(12, 2))).isEqualTo("c07");
  }

  @Test
  void shouldNeverTruncateANumberWiderThanTheWidth() {
    assertThat(Ids.of('e', 1_234_567, 3)).isEqualTo("e1234567");
  }
}
