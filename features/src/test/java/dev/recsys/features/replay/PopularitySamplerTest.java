package dev.recsys.features.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PopularitySamplerTest {

  @Test
  void shouldDrawInProportionToPastInteractionsAcrossGrowth() {
    PopularitySampler sampler = new PopularitySampler(7);
    for (int i = 0; i < 3_000; i++) {
      sampler.add("cold-" + i);
    }
    for (int n = 0; n < 3_000; n++) {
      sampler.add("hot");
    }
    Map<String, Integer> drawn = new HashMap<>();
    for (int n = 0; n < 2_000; n++) {
      sampler
          .sample(1, Set.of(), LabelPolicy.Negatives.POPULARITY)
          .forEach(item -> drawn.merge(item.startsWith("cold") ? "cold" : item, 1, Integer::sum));
    }
    assertThat(drawn.get("hot")).as("half of all interactions").isBetween(900, 1_100);
  }

  @Test
  void shouldDrawUniformlyWhenAskedAndNeverAnExcludedOrRepeatedItem() {
    PopularitySampler sampler = new PopularitySampler(7);
    for (int n = 0; n < 1_000; n++) {
      sampler.add("hot");
    }
    sampler.add("a");
    sampler.add("b");
    List<String> picked = sampler.sample(3, Set.of("b"), LabelPolicy.Negatives.UNIFORM);
    assertThat(picked).containsExactlyInAnyOrder("hot", "a");
  }

  @Test
  void shouldReturnNothingBeforeAnyInteraction() {
    assertThat(new PopularitySampler(1).sample(4, Set.of(), LabelPolicy.Negatives.POPULARITY))
        .isEmpty();
  }
}
