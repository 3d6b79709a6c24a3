package dev.recsys.ranking.boost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureBinsTest {
  @Test
  void shouldSendEveryValueWhereTheServedThresholdSendsIt() {
    Random rnd = new Random(7);
    int rows = 5_000;
    int width = 3;
    float[] values = new float[rows * width];
    for (int r = 0; r < rows; r++) {
      values[r * width] = (float) Math.exp(rnd.nextGaussian() * 3); // skewed, many distinct
      values[r * width + 1] = rnd.nextInt(4); // four values
      values[r * width + 2] = rnd.nextBoolean() ? -0f : 0f; // both zeros
    }
    FeatureBins bins = FeatureBins.fit(values, rows, width, 32);
    float[] probes = {Float.NaN, -0f, 0f, 1f, 3f, 4f, -1f, Float.MAX_VALUE, 1e-3f, 2.5f};

    assertThat(bins.bins(0)).isLessThanOrEqualTo(32);
    assertThat(bins.bins(1)).isEqualTo(4);
    assertThat(bins.bins(2)).isEqualTo(1);
    for (int f = 0; f < 2; f++) {
      for (int b = 0; b < bins.bins(f) - 1; b++) {
        for (int r = 0; r < rows + probes.length; r++) {
          float v = r < rows ? values[r * width + f] : probes[r - rows];
          assertThat(bins.binOf(f, v) <= b)
              .as("feature %d, value %s, split at bin %d", f, v, b)
              .isEqualTo(v <= bins.threshold(f, b));
        }
      }
    }
    assertThat(bins.binOf(0, Float.NaN)).isEqualTo(bins.bins(0) - 1);
  }
}
