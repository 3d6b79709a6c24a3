package dev.recsys.features.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  @Test
  void shouldYieldEveryMappedElementInOrder() {
    List<String> read = new ArrayList<>();
    try (ReadAhead<String> ahead =
        new ReadAhead<>("test-read", IntStream.range(0, 5_000).iterator(), n -> "e" + n)) {
      ahead.forEachRemaining(read::add);
      assertThat(ahead.hasNext()).isFalse();
    }
    assertThat(read)
        .containsExactlyElementsOf(
            IntStream.range(0, 5_000).mapToObj(n -> "e" + n).toList());
  }

  @Test
  void shouldYieldWhatWasReadThenTheSourceFailureWithItsCause() {
    Iterator<Integer> failing = Stream.iterate(0, n -> {
          if (n == 999) {
            throw new IllegalStateException("broker went away at 1000");
          }
          return n + 1;
        })
        .iterator();
    List<Integer> read = new ArrayList<>();
    try (ReadAhead<Integer> ahead = new ReadAhead<>("failing-read", failing, n -> n)) {
      assertThatThrownBy(() -> ahead.forEachRemaining(read::add))
          .hasMessageContaining("broker went away at 1000")
          .hasCauseInstanceOf(IllegalStateException.class);
    }
    assertThat(read).containsExactlyElementsOf(IntStream.range(0, 1_000).boxed().toList());
  }

  @Test
  void shouldStopReadingWhenClosedEarly() throws InterruptedException {
    Iterator<Integer> endless = Stream.iterate(0, n -> n + 1).iterator();
    ReadAhead<Integer> ahead = new ReadAhead<>("endless-read", endless, n -> n);
    assertThat(ahead.next()).isZero();
    ahead.close();
    Thread.sleep(50);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("endless-read"));
  }
}
