package dev.recsys.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedSamplerTest {

  private static final int DRAWS = 100_000;

  @Test
  void shouldDrawValuesInProportionToTheirWeights() {
    WeightedSampler sampler = new WeightedSampler(new int[] {7, 8, 9}, new double[] {1, 2, 7});
    SplittableRandom rng = new SplittableRandom(1);
    int[] counts = new int[10];

    for (int i = 0; i < DRAWS; i++) {
      counts[sampler.sample(rng)]++;
    }

    assertThat((double) counts[7] / DRAWS).isCloseTo(0.1, within(0.01));
    assertThat((double) counts[8] / DRAWS).isCloseTo(0.2, within(0.01));
    assertThat((double) counts[9] / DRAWS).isCloseTo(0.7, within(0.01));
  }

  @Test
  void shouldRejectMismatchedValuesAndWeights() {
    assertThatThrownBy(() -> new WeightedSampler(new int[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldMakeZipfWeightsFallWithRank() {
    double[] weights = Zipf.shuffledWeights(1_000, 1.0, new SplittableRandom(3));

    assertThat(weights).contains(1.0, 0.5, 0.001);
    assertThat(weights[0]).isNotEqualTo(1.0);
  }
}
