package dev.recsys.evaluation.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.recsys.evaluation.split.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EaseTest {

  /**
   * Two items: G = X^T X = [[na, c], [c, nb]]; P = (G + lambda I)^-1 has off-diagonal -c / det
   * and diagonal (nb + lambda) / det, (na + lambda) / det, so B_ab = -P_ab / P_bb =
   * c / (na + lambda): the ridge regression of column b on column a.
   */
  @Test
  void twoItemsShouldMatchTheClosedForm() {
    // a: u1, u2, u3 (na = 3); b: u2, u3, u4, u5, u6 (nb = 5); both: u2, u3 (c = 2).
    List<Observation> events = new ArrayList<>();
    for (String u : List.of("u1", "u2", "u3")) {
      events.add(new Observation(u, "a", 1, 1, true));
    }
    for (String u : List.of("u2", "u3", "u4", "u5", "u6")) {
      events.add(new Observation(u, "b", 2, 1, true));
    }
    TrainingData data = TrainingData.of(events);
    double lambda = 2;
    Ease ease = Ease.fit(data, lambda, Ease.DEFAULT_MAX_ITEMS);
    int a = data.item("a");
    int b = data.item("b");

    assertThat(ease.weight(a, b)).isCloseTo((float) (2 / (3 + lambda)), within(1e-6f));
    assertThat(ease.weight(b, a)).isCloseTo((float) (2 / (5 + lambda)), within(1e-6f));
    assertThat(ease.weight(a, a)).isZero();
    float[] scores = new float[2];
    ease.score(UserRow.of(data, data.user("u1")), scores);
    assertThat(scores[b]).isCloseTo((float) (2 / (3 + lambda)), within(1e-6f));
    assertThat(scores[a]).isZero();
  }

  /**
   * The EASE solution satisfies its stationarity condition: for every column j and every row
   * i != j, ((G + lambda I) B)_ij = G_ij, with B_jj = 0.
   */
  @Test
  void solutionShouldSatisfyTheNormalEquations() {
    Random random = new Random(7);
    List<Observation> events = new ArrayList<>();
    for (int u = 0; u < 40; u++) {
      for (int i = 0; i < 8; i++) {
        if (random.nextInt(3) == 0) {
          events.add(new Observation("u" + u, "i" + i, u, 1 + random.nextInt(3), true));
        }
      }
    }
    TrainingData data = TrainingData.of(events);
    double lambda = 5;
    Ease ease = Ease.fit(data, lambda, Ease.DEFAULT_MAX_ITEMS);
    int n = data.itemCount();
    double[][] gram = new double[n][n];
    for (int u = 0; u < data.matrix().userIds().size(); u++) {
      List<Integer> items = data.matrix().itemsOf(u).stream().map(data::item).toList();
      for (int x : items) {
        for (int y : items) {
          gram[x][y] += 1;
        }
      }
    }
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        if (i == j) {
          continue;
        }
        double lhs = 0;
        for (int m = 0; m < n; m++) {
          lhs += (gram[i][m] + (i == m ? lambda : 0)) * ease.weight(m, j);
        }
        assertThat(lhs).as("row %d column %d", i, j).isCloseTo(gram[i][j], within(1e-4));
      }
    }
  }

  @Test
  void itemsBeyondTheLimitShouldNeverBeRecommended() {
    // a has three users, b two, c one: with two items kept, c is out.
    List<Observation> events = List.of(
        new Observation("u1", "a", 1, 1, true),
        new Observation("u2", "a", 1, 1, true),
        new Observation("u3", "a", 1, 1, true),
        new Observation("u1", "b", 1, 1, true),
        new Observation("u2", "b", 1, 1, true),
        new Observation("u3", "c", 1, 1, true));
    TrainingData data = TrainingData.of(events);
    List<String> top = TopItems.of(data, Ease.fit(data, 1, 2)).recommend("u3", Set.of(), 3);
    assertThat(top).containsExactly("b", "a");
  }
}
