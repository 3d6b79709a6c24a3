package dev.recsys.ranking.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.recsys.ranking.SyntheticTrainingSets;
import dev.recsys.ranking.data.TrainingSet;
import dev.recsys.ranking.data.TrainingSets;
import dev.recsys.ranking.registry.ModelCard;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.ranking.registry.ModelVersion;
import dev.recsys.ranking.scoring.FeatureMatrix;
import dev.recsys.ranking.scoring.LiveScorer;
import dev.recsys.ranking.scoring.ScorerOptions;
import dev.recsys.ranking.scoring.Scorers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet in, served scores out: the path {@code recsys train-ranker} and serving take. */
class TrainAndServeTest {
  @TempDir
  Path dir;

  @Test
  void shouldServeRawFeaturesFromParquetThroughTheRegistryAsTribuoPredicts() {
    TrainingSet set = TrainingSets.read(SyntheticTrainingSets.write(
        SyntheticTrainingSets.generate(400, 10, 3L), dir.resolve("training-set")));
    TrainerParams params = TrainerParams.DEFAULT;
    TrainedRanker ranker = RankerTrainer.with(params).train(set, TrainingListener.NONE);
    ModelRegistry registry = ModelRegistry.at(dir.resolve("registry"));
    ModelVersion version = registry.register(ranker.card(), ranker.onnx());
    registry.promote(ModelCard.RANKER, version.version());
    FittedModel reference =
        params.algorithm().fit(set.splitByTime(params.holdoutFraction()).train(), params);
    // the serving side lays its columns out its own way: reversed, plus one the model ignores
    List<String> caller = new ArrayList<>(set.featureNames());
    Collections.reverse(caller);
    caller.add("served_only");
    int rows = 500;
    float[] values = new float[rows * caller.size()];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < set.width(); c++) {
        values[r * caller.size() + caller.indexOf(set.featureNames().get(c))] =
            set.features()[r * set.width() + c];
      }
    }

    try (LiveScorer live = Scorers.live(
        registry, ModelCard.RANKER, caller, ScorerOptions.DEFAULT, Duration.ofMinutes(1))) {
      float[] scores = live.score(new FeatureMatrix(caller, rows, values));

      assertThat(live.modelVersion()).isEqualTo(version.id());
      for (int r = 0; r < rows; r++) {
        assertThat((double) scores[r])
            .isCloseTo(reference.predict(set.features(), r), within(1e-5));
      }
    }
  }
}
