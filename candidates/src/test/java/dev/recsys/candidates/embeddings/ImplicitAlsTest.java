package dev.recsys.candidates.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImplicitAlsTest {

  private static final AlsParams PARAMS = AlsParams.DEFAULT.withFactors(16).withIterations(8);

  @Test
  void shouldBeatPopularityOnHeldOutRecall() {
    List<Interaction> all = SyntheticInteractions.generate(600, 400, 8, 20, 11);
    RecallEvaluator.Split split = RecallEvaluator.holdOut(all, 0.2, 5);
    InteractionMatrix train = InteractionMatrix.of(split.train());

    Embeddings embeddings = ImplicitAls.train(train, PARAMS, TrainingListener.NONE);
    double als =
        RecallEvaluator.recallAtK(Recommender.of(embeddings), split.train(), split.test(), 10);
    double popular =
        RecallEvaluator.recallAtK(Recommender.popularity(train), split.train(), split.test(), 10);

    assertThat(als).isGreaterThan(popular * 1.5).isGreaterThan(0.15);
  }

  @Test
  void shouldReportEachIterationAndBeDeterministic() {
    InteractionMatrix matrix =
        InteractionMatrix.of(SyntheticInteractions.generate(50, 40, 4, 5, 3));
    List<Integer> seen = new ArrayList<>();

    Embeddings first =
        ImplicitAls.train(matrix, PARAMS.withIterations(3), (i, n, t) -> seen.add(i));
    Embeddings second = ImplicitAls.train(matrix, PARAMS.withIterations(3), TrainingListener.NONE);

    assertThat(seen).containsExactly(1, 2, 3);
    assertThat(first.itemVectors().get(0)).containsExactly(second.itemVectors().get(0));
    assertThat(first.dimensions()).isEqualTo(16);
    assertThat(first.itemIds()).hasSize(matrix.itemIds().size());
  }

  @Test
  void shouldAddUpRepeatedInteractions() {
    InteractionMatrix matrix =
        InteractionMatrix.of(
            List.of(
                new Interaction("u", "a", 1),
                new Interaction("u", "a", 2),
                new Interaction("v", "b", 1)));

    assertThat(matrix.nonZeros()).isEqualTo(2);
    assertThat(matrix.itemsOf(0)).containsExactly("a");
    assertThat(matrix.byUser().weights()[0]).isEqualTo(3f);
  }
}
