package dev.recsys.ranking.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.ranking.registry.ModelVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BringYourOwnModelTest {
  private static final List<String> FEATURES = List.of("clicks", "ctr", "recency");
  private static final float[] WEIGHTS = {0.5f, -2f, 1f};
  private static final float BIAS = -0.25f;

  @TempDir
  Path root;

  @Test
  void shouldScoreAHandBuiltModelThroughRegistryWithExactOutputs() {
    ModelRegistry registry = ModelRegistry.at(root);
    ModelVersion v = registry.register(
        TinyModels.card("x", FEATURES, "score"), TinyModels.logistic("x", "score", WEIGHTS, BIAS));
    registry.promote("ranker", v.version());

    float[] rows = {
      0.5f, 0f, 0f, // z = 0 -> exactly 0.5
      1f, 0.25f, 0.75f, // z = 0.5 - 0.5 + 0.75 - 0.25 = 0.5
      0f, 1f, -3f
    }; // z = -5.25
    try (Scorer scorer =
        Scorers.onnx(registry.promoted("ranker").orElseThrow(), FEATURES, ScorerOptions.DEFAULT)) {
      float[] scores = scorer.score(new FeatureMatrix(FEATURES, 3, rows));

      assertThat(scores[0]).isEqualTo(0.5f);
      assertThat((double) scores[1]).isCloseTo(sigmoid(0.5), within(1e-7));
      assertThat((double) scores[2]).isCloseTo(sigmoid(-5.25), within(1e-7));
      assertThat(scorer.modelVersion()).isEqualTo(v.id());
    }
  }

  @Test
  void shouldReorderCallerColumnsAndIgnoreExtraFeatures() {
    ModelVersion v = ModelRegistry.at(root)
        .register(
            TinyModels.card("x", FEATURES, "score"),
            TinyModels.logistic("x", "score", WEIGHTS, BIAS));
    List<String> caller = List.of("recency", "unused", "ctr", "clicks");

    try (Scorer scorer = Scorers.onnx(v, caller, ScorerOptions.DEFAULT)) {
      float[] scores =
          scorer.score(new FeatureMatrix(caller, 1, new float[] {0.75f, 9f, 0.25f, 1f}));

      assertThat((double) scores[0]).isCloseTo(sigmoid(0.5), within(1e-7));
    }
  }

  @Test
  void shouldRejectAModelNeedingAFeatureTheCallerLacks() {
    ModelVersion v = ModelRegistry.at(root)
        .register(
            TinyModels.card("x", FEATURES, "score"),
            TinyModels.logistic("x", "score", WEIGHTS, BIAS));

    assertThatThrownBy(() -> Scorers.onnx(v, List.of("clicks", "ctr"), ScorerOptions.DEFAULT))
        .isInstanceOf(ModelContractException.class)
        .hasMessageContaining("needs features [recency]")
        .hasMessageContaining("add them to the feature pipeline");
  }

  @Test
  void shouldRejectACardWhoseInputNameAndWidthDisagreeWithTheGraph() {
    List<String> fourFeatures = List.of("clicks", "ctr", "recency", "price");
    ModelVersion v = ModelRegistry.at(root)
        .register(
            TinyModels.card("features", fourFeatures, "probability"),
            TinyModels.logistic("x", "score", WEIGHTS, BIAS));

    assertThatThrownBy(() -> Scorers.onnx(v, fourFeatures, ScorerOptions.DEFAULT))
        .isInstanceOf(ModelContractException.class)
        .hasMessageContaining("input_name is 'features' but model.onnx has inputs [x]")
        .hasMessageContaining("output_name is 'probability' but model.onnx has outputs [score]");
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
