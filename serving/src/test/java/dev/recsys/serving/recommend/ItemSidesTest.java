package dev.recsys.serving.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.pair.PairFeatures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ItemSidesTest {
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void shouldReuseASideWhileTheVectorIsTheSameAndRebuildItWhenTheVectorChanges() {
    ItemSides sides = new ItemSides();
    FeatureVector first = item(0.2);
    PairFeatures.Side side = sides.of("i1", first);
    assertThat(sides.of("i1", first)).isSameAs(side);

    FeatureVector reread = item(0.7);
    PairFeatures.Side changed = sides.of("i1", reread);
    assertThat(changed).isNotSameAs(side);
    assertThat(row(changed))
        .isEqualTo(PairFeatures.of((FeatureVector) null, reread, "c1", T0 + 5_000));
  }

  @Test
  void shouldGiveTheSameFeaturesAsTheVectorItself() {
    FeatureVector vector = item(0.3);
    assertThat(row(new ItemSides().of("i1", vector)))
        .isEqualTo(PairFeatures.of(null, vector, "c1", T0 + 5_000));
    assertThat(row(new ItemSides().of("i1", null)))
        .isEqualTo(PairFeatures.of((FeatureVector) null, null, "c1", T0 + 5_000));
  }

  private static double[] row(PairFeatures.Side item) {
    return PairFeatures.of(PairFeatures.Side.user(null), item, "c1", T0 + 5_000);
  }

  private static FeatureVector item(double ctr) {
    return new FeatureVector(
        EntityKind.ITEM,
        "i1",
        T0,
        new TreeMap<>(Map.of("item.ctr_7d", ctr, "item.trending", 4.0, "item.view_1h", 3.0)),
        List.of());
  }
}
