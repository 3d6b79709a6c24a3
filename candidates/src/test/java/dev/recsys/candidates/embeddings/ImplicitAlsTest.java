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
    InteractionMatrix matrix = InteractionMatrix.of(List.of(
        new Interaction("u", "a", 1), new Interaction("u", "a", 2), new Interaction("v", "b", 1)));

    assertThat(matrix.nonZeros()).isEqualTo(2);
    assertThat(matrix.itemsOf(0)).containsExactly("a");
    assertThat(matrix.byUser().weights()[0]).isEqualTo(3f);
  }

  @Test
  void foldInShouldSolveTheUserNormalEquations() {
    InteractionMatrix matrix =
        InteractionMatrix.of(SyntheticInteractions.generate(80, 60, 4, 8, 5));
    AlsParams params = PARAMS.withRegularization(2f).withAlpha(5f);
    Embeddings embeddings = ImplicitAls.train(matrix, params, TrainingListener.NONE);
    int[] columns = {3, 17, 42};
    float[] weights = {1f, 4f, 2f};

    float[] x = ImplicitAls.userSolver(embeddings, params).solve(columns, weights);

    // (Y^T C Y + lambda I) x = Y^T C p, C = 1 + alpha w on the observed columns, 1 elsewhere.
    int f = params.factors();
    double[] lhs = new double[f];
    double[] rhs = new double[f];
    for (int item = 0; item < embeddings.itemVectors().size(); item++) {
      float[] y = embeddings.itemVectors().get(item);
      double confidence = 1;
      boolean observed = false;
      for (int c = 0; c < columns.length; c++) {
        if (columns[c] == item) {
          confidence += params.alpha() * weights[c];
          observed = true;
        }
      }
      double yx = 0;
      for (int d = 0; d < f; d++) {
        yx += y[d] * x[d];
      }
      for (int d = 0; d < f; d++) {
        lhs[d] += confidence * yx * y[d];
        rhs[d] += observed ? confidence * y[d] : 0;
      }
    }
    for (int d = 0; d < f; d++) {
      lhs[d] += params.regularization() * x[d];
      assertThat(lhs[d])
          .as("row %d", d)
          .isCloseTo(rhs[d], org.assertj.core.api.Assertions.within(1e-3 * (1 + Math.abs(rhs[d]))));
    }
  }
}
