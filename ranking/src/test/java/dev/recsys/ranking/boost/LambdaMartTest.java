package dev.recsys.ranking.boost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.ranking.data.TrainingSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LambdaMartTest {
  /**
   * The positive of each group of five is the candidate whose first feature is nearest 0.5 (no
   * monotone function of it finds it); the second feature is noise.
   */
  private static TrainingSet band(int groups, long seed) {
    Random rnd = new Random(seed);
    int per = 5;
    float[] x = new float[groups * per * 2];
    int[] labels = new int[groups * per];
    int[] groupIds = new int[groups * per];
    long[] timestamps = new long[groups * per];
    for (int g = 0; g < groups; g++) {
      int best = 0;
      for (int c = 0; c < per; c++) {
        int r = g * per + c;
        x[2 * r] = rnd.nextFloat();
        x[2 * r + 1] = (float) rnd.nextGaussian();
        groupIds[r] = g;
        timestamps[r] = g;
        if (Math.abs(x[2 * r] - 0.5) < Math.abs(x[2 * (g * per + best)] - 0.5)) {
          best = c;
        }
      }
      labels[g * per + best] = 1;
    }
    return new TrainingSet(List.of("band", "noise"), x, labels, groupIds, timestamps, "band");
  }

  @Test
  void shouldLearnANonMonotoneSignalAndStopBeforeTheNoise() {
    TrainingSet train = band(2_000, 1);
    TrainingSet test = band(500, 2);

    BoostedTrees model = LambdaMart.fit(train, BoostParams.DEFAULT);

    RankingGroups groups = new RankingGroups(test.labels(), test.groups());
    double[] scores = new double[test.rows()];
    for (int r = 0; r < test.rows(); r++) {
      scores[r] = model.predict(test.features(), r);
    }
    assertThat(groups.meanNdcg(scores, 10)).isGreaterThan(0.9);
    assertThat(model.trees().size()).isLessThan(BoostParams.DEFAULT.maxTrees());
    int[] splits = model.splitCounts();
    assertThat(splits[0]).isGreaterThan(splits[1]);
  }

  @Test
  void shouldBeRepeatable() {
    TrainingSet train = band(500, 3);
    BoostParams params = BoostParams.DEFAULT.withMaxTrees(20);

    BoostedTrees a = LambdaMart.fit(train, params);
    BoostedTrees b = LambdaMart.fit(train, params);

    for (int r = 0; r < train.rows(); r++) {
      assertThat(a.predict(train.features(), r)).isEqualTo(b.predict(train.features(), r));
    }
  }
}
