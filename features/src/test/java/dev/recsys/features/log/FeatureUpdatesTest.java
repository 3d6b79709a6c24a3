package dev.recsys.features.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.Interaction;
import dev.recsys.features.definition.ItemState;
import dev.recsys.features.definition.UserState;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.FeatureUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureUpdatesTest {
  private static final long T0 = 1_622_505_601_000L;

  private static List<Interaction> interactions() {
    return List.of(
        new Interaction("e1", "u1", "i1", EventType.VIEW, 0, T0, "s1", "books"),
        new Interaction("e2", "u1", "i2", EventType.CLICK, 0, T0 + 5_000, "s1", "games"),
        new Interaction("e3", "u1", "i1", EventType.PURCHASE, 1, T0 + 9_000, "s1", null));
  }

  @Test
  void shouldCarryTheLayoutByPositionAndTheRestByNameThroughTheCodec() {
    UserState user = new UserState();
    ItemState item = new ItemState();
    interactions().forEach(i -> {
      user.apply(i);
      item.apply(i);
    });
    for (FeatureVector vector : List.of(user.features("u1"), item.features("i1"))) {
      FeatureUpdate update = FeatureUpdateRecords.of(vector, FeatureSet.CORE_V1, "e3");
      FeatureUpdate decoded = Codecs.FEATURE_UPDATE.decode(Codecs.FEATURE_UPDATE.encode(update));

      assertThat(decoded.getFixedValues()).isNotEmpty();
      assertThat(decoded.getValues().keySet()).allMatch(n -> n.startsWith("user.affinity."));
      assertThat(FeatureUpdates.toVector(decoded)).isEqualTo(vector);
    }
  }

  @Test
  void shouldReadAVersionOneUpdateThatNamesEveryFeature() {
    FeatureVector vector = new UserState().features("u1");
    FeatureUpdate update = FeatureUpdateRecords.of(vector, FeatureSet.CORE_V1, "e1");
    update.setValues(vector.values());
    update.setLayout(0L);
    update.setFixedValues(List.of());

    assertThat(FeatureUpdates.toVector(update)).isEqualTo(vector);
  }

  @Test
  void shouldRefuseValuesWrittenWithAnotherLayout() {
    FeatureUpdate update =
        FeatureUpdateRecords.of(new ItemState().features("i1"), FeatureSet.CORE_V1, "e1");
    update.setLayout(update.getLayout() + 1);

    assertThatThrownBy(() -> FeatureUpdates.toVector(update))
        .hasMessageContaining("read it with the feature definitions that wrote it");
  }
}
