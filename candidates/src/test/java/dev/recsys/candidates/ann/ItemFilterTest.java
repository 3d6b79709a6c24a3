package dev.recsys.candidates.ann;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemFilterTest {

  @Test
  void shouldAcceptEverythingWithAll() {
    assertThat(ItemFilter.ALL.accepts("x")).isTrue();
    assertThat(ItemFilter.excluding(Set.of())).isSameAs(ItemFilter.ALL);
  }

  @Test
  void shouldCombineExclusions() {
    ItemFilter filter = ItemFilter.excluding(Set.of("a")).and(ItemFilter.excluding(Set.of("b")));

    assertThat(filter.accepts("a")).isFalse();
    assertThat(filter.accepts("b")).isFalse();
    assertThat(filter.accepts("c")).isTrue();
  }

  @Test
  void shouldExplainBadParams() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AnnParams.DEFAULT.withDegree(0))
        .hasMessage("degree must be > 0, got 0");
  }
}
