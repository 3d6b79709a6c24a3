package dev.recsys.ranking.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  @Test
  void shouldGiveAucOneForAPerfectOrderAndHalfForTies() {
    assertThat(RankingMetrics.auc(new float[] {0.1f, 0.2f, 0.8f, 0.9f}, new int[] {0, 0, 1, 1}))
        .isEqualTo(1.0);
    assertThat(RankingMetrics.auc(new float[] {0.5f, 0.5f, 0.5f}, new int[] {0, 1, 0}))
        .isEqualTo(0.5);
    assertThat(RankingMetrics.auc(new float[] {0.3f, 0.1f, 0.2f}, new int[] {1, 0, 0}))
        .isEqualTo(1.0);
  }

  @Test
  void shouldAverageNdcgOverGroupsWithPositives() {
    float[] scores = {0.9f, 0.1f, 0.2f, 0.8f, 0.5f, 0.4f};
    int[] labels = {1, 0, 1, 0, 0, 0};
    int[] groups = {0, 0, 1, 1, 2, 2};

    double ndcg = RankingMetrics.meanNdcg(scores, labels, groups, 10);

    // group 0: positive at rank 1 -> 1; group 1: positive at rank 2 -> 1/log2(3); group 2 skipped
    assertThat(ndcg).isCloseTo((1 + 1 / (Math.log(3) / Math.log(2))) / 2, within(1e-12));
    assertThat(RankingMetrics.groupsWithPositives(labels, groups)).isEqualTo(2);
  }

  @Test
  void shouldCutNdcgAtK() {
    float[] scores = {0.9f, 0.8f, 0.1f};
    int[] labels = {0, 0, 1};
    int[] groups = {0, 0, 0};

    assertThat(RankingMetrics.meanNdcg(scores, labels, groups, 2)).isZero();
  }
}
