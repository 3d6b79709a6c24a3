package dev.recsys.features.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.recsys.schemas.avro.EventType;
import org.junit.jupiter.api.Test;

class ItemStateTest {
  private static final long T0 = 1_622_505_601_000L;

  @Test
  void shouldSmoothRatesTowardsThePriorWhenEvidenceIsThin() {
    ItemState item = new ItemState();
    item.apply(new Interaction("e1", "u1", "i1", EventType.VIEW, 1, T0, null, "c"));
    item.apply(new Interaction("e2", "u1", "i1", EventType.CLICK, 1, T0, null, "c"));
    FeatureVector v = item.features("i1");
    assertThat(v.get(FeatureNames.ITEM_CTR_7D)).isCloseTo((1 + 1.0) / (1 + 10), within(1e-12));
    assertThat(v.get(FeatureNames.ITEM_CVR_7D)).isCloseTo((0 + 0.2) / (1 + 10), within(1e-12));
    assertThat(v.get("item.click_1h")).isEqualTo(1);
  }

  @Test
  void shouldCountDistinctUsersWithinAFewPercent() {
    ItemState item = new ItemState();
    for (int u = 0; u < 5_000; u++) {
      for (int repeat = 0; repeat < 2; repeat++) {
        item.apply(new Interaction(
            "e" + u + repeat, "u" + u, "i1", EventType.VIEW, 1, T0 + u, null, null));
      }
    }
    assertThat(item.features("i1").get(FeatureNames.ITEM_DISTINCT_USERS))
        .isCloseTo(5_000, within(5_000 * 0.08));
    ItemState few = new ItemState();
    for (int u = 0; u < 40; u++) {
      few.apply(new Interaction("e" + u, "u" + u, "i1", EventType.VIEW, 1, T0, null, null));
    }
    assertThat(few.features("i1").get(FeatureNames.ITEM_DISTINCT_USERS)).isEqualTo(40);
  }

  @Test
  void shouldDecayTrendingByHalfEachDay() {
    ItemState item = new ItemState();
    item.apply(new Interaction("e1", "u1", "i1", EventType.PURCHASE, 1, T0, null, null));
    FeatureVector v = item.features("i1");
    assertThat(v.get(FeatureNames.ITEM_TRENDING)).isEqualTo(8);
    assertThat(v.at(T0 + 86_400_000L).get(FeatureNames.ITEM_TRENDING)).isCloseTo(4, within(1e-12));
  }
}
