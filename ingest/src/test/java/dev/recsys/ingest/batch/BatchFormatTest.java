package dev.recsys.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchFormatTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldReadAJsonArrayInOrder() {
    List<BatchEntry> entries = BatchFormat.JSON.read(bytes("[{\"a\":1},{\"a\":2}]"), 10);
    assertThat(entries).extracting(BatchEntry::index).containsExactly(0, 1);
    assertThat(entries.get(1).node().get("a").intValue()).isEqualTo(2);
  }

  @Test
  void shouldReadASingleObjectAsABatchOfOne() {
    assertThat(BatchFormat.JSON.read(bytes("{\"a\":1}"), 10)).hasSize(1);
  }

  @Test
  void shouldNameLineAndColumnOfMalformedJson() {
    assertThatThrownBy(() -> BatchFormat.JSON.read(bytes("[{\"a\":1},\n{\"a\":}]"), 10))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageStartingWith("malformed JSON at line 2, column 6");
  }

  @Test
  void shouldRejectAScalarBody() {
    assertThatThrownBy(() -> BatchFormat.JSON.read(bytes("42"), 10))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("expected an array of event objects");
  }

  @Test
  void shouldRejectOnlyTheMalformedNdjsonLine() {
    List<BatchEntry> entries =
        BatchFormat.NDJSON.read(bytes("{\"a\":1}\n\n{oops\n{\"a\":3}\n"), 10);
    assertThat(entries).hasSize(3);
    assertThat(entries.get(1).malformed()).startsWith("malformed JSON on line 3");
    assertThat(entries.get(2).node().get("a").intValue()).isEqualTo(3);
  }

  @Test
  void shouldRejectNestingPastTheParsersLimitInEitherFormat() {
    // Jackson's nesting limit gives no location; that was a NullPointerException (an HTTP 500).
    String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    List<BatchEntry> entries = BatchFormat.NDJSON.read(bytes("{}\n" + deep + "\n"), 10);
    assertThat(entries.get(1).malformed())
        .startsWith("malformed JSON on line 2")
        .contains("nesting depth");
    assertThatThrownBy(() -> BatchFormat.JSON.read(bytes("[" + deep + "]"), 10))
        .isInstanceOf(MalformedBatchException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void shouldRefuseMoreEntriesThanTheLimit() {
    assertThatThrownBy(() -> BatchFormat.JSON.read(bytes("[{},{},{}]"), 2))
        .isInstanceOf(BatchTooLargeException.class)
        .hasMessageContaining("at most 2 entries");
    assertThatThrownBy(() -> BatchFormat.NDJSON.read(bytes("{}\n{}\n{}"), 2))
        .isInstanceOf(BatchTooLargeException.class);
  }
}
