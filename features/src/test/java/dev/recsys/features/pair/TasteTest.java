package dev.recsys.features.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.schemas.avro.EventType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TasteTest {
  private static final Map<String, float[]> VECTORS = Map.of(
      "x", new float[] {3, 0},
      "y", new float[] {0, 1},
      "z", new float[] {-1, 0});
  private static final ItemVectors EMBEDDINGS = VECTORS::get;

  @Test
  void shouldWeighEachUnitVectorByItsKindOfTouch() {
    // A purchase of x (4) and a view of y (1): the taste is (4, 1) normalized, whatever x's norm.
    float[] taste = Taste.of(
        List.of(
            new RecentInteraction("x", EventType.PURCHASE, 1),
            new RecentInteraction("y", EventType.VIEW, 2)),
        EMBEDDINGS);

    double norm = Math.sqrt(17);
    assertThat(taste[0]).isCloseTo((float) (4 / norm), within(1e-6f));
    assertThat(taste[1]).isCloseTo((float) (1 / norm), within(1e-6f));
    assertThat(Taste.similarity(taste, VECTORS.get("y"))).isCloseTo(1 / norm, within(1e-6));
    assertThat(Taste.similarity(taste, VECTORS.get("z"))).isCloseTo(-4 / norm, within(1e-6));
  }

  @Test
  void shouldSkipNegativeSignalsAndItemsWithoutVectors() {
    float[] taste = Taste.of(
        List.of(
            new RecentInteraction("z", EventType.DISLIKE, 1),
            new RecentInteraction("unknown", EventType.PURCHASE, 2),
            new RecentInteraction("y", EventType.CLICK, 3)),
        EMBEDDINGS);

    assertThat(taste).containsExactly(0, 1);
  }

  @Test
  void shouldBeZeroWithoutTasteOrWithoutTheCandidatesVector() {
    List<RecentInteraction> disliked = List.of(new RecentInteraction("z", EventType.DISLIKE, 1));

    assertThat(Taste.of(disliked, EMBEDDINGS)).isNull();
    assertThat(Taste.of(List.of(new RecentInteraction("x", EventType.VIEW, 1)), ItemVectors.NONE))
        .isNull();
    assertThat(Taste.similarity(null, VECTORS.get("x"))).isZero();
    assertThat(Taste.similarity(new float[] {1, 0}, null)).isZero();
    assertThat(Taste.similarity(new float[] {1, 0}, new float[] {0, 0})).isZero();
  }
}
