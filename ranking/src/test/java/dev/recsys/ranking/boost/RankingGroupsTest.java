package dev.recsys.ranking.boost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingGroupsTest {
  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  @Test
  void shouldPushThePositiveUpByItsSwapsNdcgChange() {
    // group 0: a positive tied with a negative (ties keep row order: the positive is first);
    // group 1: negatives only, which teach nothing
    RankingGroups groups = new RankingGroups(new int[] {1, 0, 0, 0}, new int[] {0, 0, 1, 1});
    float[] gradient = new float[4];
    float[] hessian = new float[4];

    groups.lambdas(new double[] {0, 0, 0, 0}, gradient, hessian);

    double delta = 1 - 1 / LOG2_3; // NDCG if the two swapped: 1 -> 1/log2(3)
    assertThat((double) gradient[0]).isCloseTo(-0.5 * delta, within(1e-6));
    assertThat((double) gradient[1]).isCloseTo(0.5 * delta, within(1e-6));
    assertThat((double) hessian[0]).isCloseTo(0.25 * delta, within(1e-6));
    assertThat((double) hessian[1]).isCloseTo(0.25 * delta, within(1e-6));
    assertThat(gradient[2]).isZero();
    assertThat(hessian[3]).isZero();
  }

  @Test
  void shouldWeighAPairByHowWrongItsOrderIs() {
    RankingGroups groups = new RankingGroups(new int[] {1, 0}, new int[] {0, 0});
    float[] right = new float[2];
    float[] wrong = new float[2];
    float[] hessian = new float[2];

    groups.lambdas(new double[] {2, 0}, right, hessian);
    groups.lambdas(new double[] {0, 2}, wrong, hessian);

    double delta = 1 - 1 / LOG2_3;
    assertThat((double) right[0]).isCloseTo(-delta / (1 + Math.exp(2)), within(1e-6));
    assertThat((double) wrong[0]).isCloseTo(-delta / (1 + Math.exp(-2)), within(1e-6));
  }

  @Test
  void shouldMeasureNdcgAtKOverGroupsWithAPositive() {
    // group 0: the positive ranked second of three; group 1: two positives ranked first and third
    RankingGroups groups =
        new RankingGroups(new int[] {0, 1, 0, 1, 0, 1, 0}, new int[] {0, 0, 0, 1, 1, 1, 2});

    double ndcg = groups.meanNdcg(new double[] {3, 2, 1, 3, 2, 1, 5}, 10);

    double first = 1 / LOG2_3;
    double second = (1 + 1 / 2.0) / (1 + 1 / LOG2_3);
    assertThat(ndcg).isCloseTo((first + second) / 2, within(1e-12));
    assertThat(groups.meanNdcg(new double[] {3, 2, 1, 3, 2, 1, 5}, 1))
        .isCloseTo(0.5, within(1e-12));
  }
}
