package dev.recsys.candidates.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingsTrainingTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-06-01T00:00:01Z"), ZoneOffset.UTC);

  @Test
  void shouldRecordQualityAndCountsInTheModelInfo(@TempDir Path models) {
    List<Interaction> interactions = SyntheticInteractions.generate(300, 200, 5, 15, 21);
    AlsParams params = AlsParams.DEFAULT.withFactors(8).withIterations(5);

    EmbeddingsTraining.Trained trained =
        EmbeddingsTraining.run(interactions, params, "v1", TrainingListener.NONE, CLOCK);
    Path dir = EmbeddingsArtifact.write(models, trained.info(), trained.embeddings());

    ModelInfo info = EmbeddingsArtifact.read(dir).info();
    assertThat(info.userCount()).isEqualTo(300);
    assertThat(info.itemCount()).isEqualTo(trained.embeddings().itemIds().size());
    assertThat(info.dimensions()).isEqualTo(8);
    assertThat(info.createdAt()).isEqualTo("2021-06-01T00:00:01Z");
    assertThat(info.quality().get("recall@10"))
        .isGreaterThan(info.quality().get("popularity_recall@10"));
  }
}
