package dev.recsys.candidates.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFilesTest {

  @Test
  void shouldRoundTripFvecsAndIvecs(@TempDir Path dir) {
    List<float[]> floats = List.of(new float[] {1.5f, -2f, 3f}, new float[] {0f, 0.25f, 7f});
    List<int[]> ints = List.of(new int[] {3, 1}, new int[] {9, 8, 7});

    VectorFiles.writeFvecs(dir.resolve("a.fvecs"), floats);
    VectorFiles.writeIvecs(dir.resolve("a.ivecs"), ints);

    assertThat(VectorFiles.readFvecs(dir.resolve("a.fvecs"))).containsExactlyElementsOf(floats);
    assertThat(VectorFiles.readIvecs(dir.resolve("a.ivecs"))).containsExactlyElementsOf(ints);
  }

  @Test
  void shouldWriteTheStandardLittleEndianLayout(@TempDir Path dir) throws Exception {
    VectorFiles.writeFvecs(dir.resolve("b.fvecs"), List.of(new float[] {1f, 2f}));

    ByteBuffer bytes =
        ByteBuffer.wrap(Files.readAllBytes(dir.resolve("b.fvecs"))).order(ByteOrder.LITTLE_ENDIAN);

    assertThat(bytes.remaining()).isEqualTo(12);
    assertThat(bytes.getInt()).isEqualTo(2);
    assertThat(bytes.getFloat()).isEqualTo(1f);
    assertThat(bytes.getFloat()).isEqualTo(2f);
  }

  @Test
  void shouldRejectATruncatedFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.fvecs");
    Files.write(
        file,
        ByteBuffer.allocate(8)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(5)
            .putFloat(1f)
            .array());

    assertThatThrownBy(() -> VectorFiles.readFvecs(file))
        .hasMessageContaining("not a valid vector file");
  }

  @Test
  void shouldGenerateTheSameClusteredVectorsForASeed() {
    ClusteredVectors source = ClusteredVectors.of(8, 5).withClusters(3);

    assertThat(source.sample(10, 1)).usingRecursiveComparison().isEqualTo(source.sample(10, 1));
    assertThat(source.sample(1, 1).get(0)).isNotEqualTo(source.sample(1, 2).get(0));
  }

  @Test
  void shouldComputeExactTruthAndRecall() {
    List<float[]> base = List.of(new float[] {0}, new float[] {1}, new float[] {5});
    List<int[]> truth =
        GroundTruth.compute(base, List.of(new float[] {0.9f}), 2, (a, b) -> -Math.abs(a[0] - b[0]));

    assertThat(truth.get(0)).containsExactly(1, 0);
    assertThat(GroundTruth.recall(truth, List.of(new int[] {1, 2}), 2)).isEqualTo(0.5);
  }
}
