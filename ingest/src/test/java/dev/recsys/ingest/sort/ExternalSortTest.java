package dev.recsys.ingest.sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSortTest {
  @TempDir
  Path tmp;

  @Test
  void shouldSortInMemoryWhenEverythingFits() throws IOException {
    List<KeyedRecord> input = records(5_000, 1_000, new Random(1));
    try (ExternalSort sort = ExternalSort.create(64L << 20, tmp)) {
      input.forEach(r -> sort.add(r.key(), r.payload()));
      assertThat(drain(sort.sorted())).containsExactlyElementsOf(stableSorted(input));
      assertThat(sort.stats()).isEqualTo(new SortStats(5_000, 0, 0, 0));
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void shouldSortStablyAcrossManyRunsAndMergePassesInLittleMemory() throws IOException {
    List<KeyedRecord> input = records(60_000, 500, new Random(2));
    long inputBytes = input.stream().mapToLong(r -> r.payload().length + 12).sum();
    long memory = 16 << 10;
    try (ExternalSort sort = ExternalSort.create(memory, tmp)) {
      input.forEach(r -> sort.add(r.key(), r.payload()));
      assertThat(inputBytes).isGreaterThan(50 * memory);
      Iterator<KeyedRecord> sorted = sort.sorted();
      assertThat(sort.stats().spilledRuns()).isGreaterThan(ExternalSort.MAX_FAN_IN);
      assertThat(sort.stats().mergePasses()).isPositive();
      assertThat(drain(sorted)).containsExactlyElementsOf(stableSorted(input));
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void shouldDeleteItsFilesWhenClosedBeforeTheMergeIsRead() throws IOException {
    try (ExternalSort sort = ExternalSort.create(8 << 10, tmp)) {
      records(5_000, 100, new Random(3)).forEach(r -> sort.add(r.key(), r.payload()));
      Iterator<KeyedRecord> sorted = sort.sorted();
      sorted.next();
      assertThat(leftovers()).isNotEmpty();
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void shouldKeepInsertionOrderForEqualKeys() {
    try (ExternalSort sort = ExternalSort.create(4 << 10, tmp)) {
      for (int i = 0; i < 3_000; i++) {
        sort.add(i % 2 == 0 ? 7 : 3, ByteBuffer.allocate(4).putInt(i).array());
      }
      List<Integer> order = drain(sort.sorted()).stream()
          .map(r -> Integer.parseInt(r.split(":")[1]))
          .toList();
      List<Integer> expected = new ArrayList<>();
      for (int i = 1; i < 3_000; i += 2) {
        expected.add(i);
      }
      for (int i = 0; i < 3_000; i += 2) {
        expected.add(i);
      }
      assertThat(order).isEqualTo(expected);
    }
  }

  @Test
  void shouldRefuseToAddAfterReading() {
    try (ExternalSort sort = ExternalSort.create(1 << 20, tmp)) {
      sort.add(1, new byte[1]);
      sort.sorted();
      assertThatThrownBy(() -> sort.add(2, new byte[1]))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("read once");
      assertThatThrownBy(sort::sorted).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void shouldNameTheMinimumMemory() {
    assertThatThrownBy(() -> ExternalSort.create(100, tmp))
        .hasMessageContaining("at least 4096 bytes, got 100");
  }

  /** Keys drawn from a small range, so that many are equal; payloads carry the input index. */
  private static List<KeyedRecord> records(int n, int keys, Random random) {
    List<KeyedRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] payload = new byte[4 + random.nextInt(60)];
      ByteBuffer.wrap(payload).putInt(i);
      out.add(new KeyedRecord(random.nextInt(keys) - keys / 2, payload));
    }
    return out;
  }

  private static List<String> stableSorted(List<KeyedRecord> input) {
    List<KeyedRecord> copy = new ArrayList<>(input);
    copy.sort(Comparator.comparingLong(KeyedRecord::key));
    return copy.stream().map(ExternalSortTest::describe).toList();
  }

  private static List<String> drain(Iterator<KeyedRecord> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(r -> out.add(describe(r)));
    return out;
  }

  /** Key, input index and length: records compared by content, not by array identity. */
  private static String describe(KeyedRecord r) {
    return r.key() + ":" + ByteBuffer.wrap(r.payload()).getInt() + ":" + r.payload().length;
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.walk(tmp)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
