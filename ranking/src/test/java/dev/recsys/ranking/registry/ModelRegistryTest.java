package dev.recsys.ranking.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.ranking.RankingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  private static final Instant NOW = Instant.parse("2021-06-01T00:00:01Z");
  private static final byte[] ONNX = {8, 8};

  @TempDir
  Path root;

  private ModelRegistry registry() {
    return ModelRegistry.at(root, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ModelCard card() {
    return new ModelCard(
        "ranker",
        "logistic_regression",
        "features",
        List.of("a", "b"),
        "score",
        "probability of label 1",
        Map.of("auc", 0.75),
        "abc123",
        NOW);
  }

  @Test
  void shouldRegisterVersionsThatSortByTimeAndRoundTripTheirCard() {
    ModelRegistry r = registry();

    ModelVersion first = r.register(card(), ONNX);
    ModelVersion second = r.register(card(), ONNX);

    assertThat(first.version()).isEqualTo("20210601T000001.000Z");
    assertThat(second.version()).isEqualTo("20210601T000001.000Z-001");
    assertThat(r.list("ranker"))
        .extracting(ModelVersion::version)
        .containsExactly(first.version(), second.version());
    assertThat(first.card()).isEqualTo(card());
    assertThat(first.onnxFile()).hasBinaryContent(ONNX);
    assertThat(first.dir()).isEqualTo(root.resolve("models/ranker/20210601T000001.000Z"));
  }

  @Test
  void shouldWriteModelJsonInTheContractsFieldNames() throws Exception {
    ModelVersion v = registry().register(card(), ONNX);

    String json = Files.readString(v.dir().resolve(ModelCard.FILE_NAME));

    assertThat(json)
        .contains(
            "\"input_name\" : \"features\"",
            "\"feature_names\" : [ \"a\", \"b\" ]",
            "\"output_name\" : \"score\"",
            "\"training_set_fingerprint\" : \"abc123\"",
            "\"created_at\" : \"2021-06-01T00:00:01Z\"",
            "\"auc\" : 0.75");
  }

  @Test
  void shouldPromoteAndSwitchBack() {
    ModelRegistry r = registry();
    ModelVersion first = r.register(card(), ONNX);
    ModelVersion second = r.register(card(), ONNX);
    assertThat(r.promoted("ranker")).isEmpty();

    r.promote("ranker", second.version());
    assertThat(r.promoted("ranker")).contains(second);

    r.promote("ranker", first.version());
    assertThat(r.promoted("ranker")).contains(first);
    assertThat(r.list("ranker")).hasSize(2);
  }

  @Test
  void shouldRefuseToPromoteAnUnknownVersion() {
    ModelRegistry r = registry();

    assertThatThrownBy(() -> r.promote("ranker", "20990101T000000.000Z"))
        .isInstanceOf(RankingException.class)
        .hasMessageContaining("run 'recsys models list'");
    assertThatThrownBy(() -> r.promote("ranker", "../escape"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(r.list("embeddings")).isEmpty();
  }
}
