package dev.recsys.candidates.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingsArtifactTest {

  private static final ModelInfo INFO = new ModelInfo(
      "2021-06-01-a",
      2,
      AlsParams.DEFAULT.withFactors(2),
      2,
      1,
      1234,
      Map.of("recall@10", 0.42),
      "2021-06-01T00:00:01Z");

  private static final Embeddings EMBEDDINGS = new Embeddings(
      2,
      List.of("a", "b"),
      List.of(new float[] {1, 2}, new float[] {3, 4}),
      List.of("u"),
      List.of(new float[] {5, 6}));

  @Test
  void shouldRoundTripTheRegistryLayout(@TempDir Path models) {
    Path dir = EmbeddingsArtifact.write(models, INFO, EMBEDDINGS);

    EmbeddingsArtifact.Stored stored = EmbeddingsArtifact.read(dir);

    assertThat(dir).isEqualTo(models.resolve("embeddings/2021-06-01-a"));
    assertThat(dir.resolve("model.json"))
        .content()
        .contains("\"recall@10\" : 0.42", "\"itemCount\" : 2");
    assertThat(stored.info()).isEqualTo(INFO);
    assertThat(stored.embeddings().itemIds()).containsExactly("a", "b");
    assertThat(stored.embeddings().itemVectors().get(1)).containsExactly(3, 4);
    assertThat(stored.embeddings().userVector("u"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(5, 6));
  }

  @Test
  void shouldWriteItemsOnlyAndRefuseToOverwrite(@TempDir Path models) {
    Path dir = EmbeddingsArtifact.write(models, INFO, EMBEDDINGS.withoutUsers());

    assertThat(Files.exists(dir.resolve("user_ids.txt"))).isFalse();
    assertThat(EmbeddingsArtifact.read(dir).embeddings().userIds()).isEmpty();
    assertThatThrownBy(() -> EmbeddingsArtifact.write(models, INFO, EMBEDDINGS))
        .hasMessageContaining("already exists");
  }
}
