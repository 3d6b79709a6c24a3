package dev.recsys.features.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.features.definition.FeatureLayout;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureValues;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.Interaction;
import dev.recsys.features.definition.ItemState;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.definition.UserState;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FeatureUpdateEncoderTest {
  private static final FeatureSet SET = FeatureSet.CORE_V1;
  private static final double[] ODD = {
    0.0,
    -0.0,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    Double.MAX_VALUE,
    -1e-300,
    1.5
  };
  private static final String[] IDS = {"", "u1", "é-ü", "ユーザー", "i".repeat(300), "😀"};
  private final FeatureUpdateEncoder encoder = new FeatureUpdateEncoder(SET);

  @Test
  void shouldWriteTheAvroLibrarysBytesForArbitraryValues() {
    Random random = new Random(3);
    for (int n = 0; n < 2_000; n++) {
      EntityKind kind = random.nextBoolean() ? EntityKind.USER : EntityKind.ITEM;
      double[] fixed = new double[FeatureLayout.of(kind).names().size()];
      for (int i = 0; i < fixed.length; i++) {
        fixed[i] = random.nextInt(5) == 0
            ? ODD[random.nextInt(ODD.length)]
            : random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
      }
      TreeMap<String, Double> named = new TreeMap<>();
      for (int i = random.nextInt(4) == 0 ? random.nextInt(40) : 0; i > 0; i--) {
        named.put("user.affinity." + id(random), random.nextDouble() * 8 - 4);
      }
      List<RecentInteraction> recent = new ArrayList<>();
      for (int i = random.nextInt(25); i > 0; i--) {
        recent.add(new RecentInteraction(
            id(random),
            EventType.values()[random.nextInt(EventType.values().length)],
            time(random)));
      }
      assertSameBytes(
          new FeatureValues(kind, id(random), time(random), fixed, named, recent), id(random));
    }
  }

  @Test
  void shouldWriteTheAvroLibrarysBytesForRealStates() {
    UserState user = new UserState();
    ItemState item = new ItemState();
    Random random = new Random(5);
    for (int i = 0; i < 300; i++) {
      Interaction interaction = new Interaction(
          "e" + i,
          "u1",
          "i" + random.nextInt(30),
          EventType.values()[random.nextInt(5)],
          1.0,
          1_622_505_601_000L + i * 60_000L,
          "s1",
          random.nextInt(4) == 0 ? null : "c" + random.nextInt(40));
      user.apply(interaction);
      item.apply(interaction);
      assertSameBytes(user.values("u1"), "e" + i);
      assertSameBytes(item.values("i1"), "e" + i);
    }
  }

  private void assertSameBytes(FeatureValues values, String eventId) {
    assertThat(encoder.encode(values, eventId))
        .as("%s", values)
        .isEqualTo(Codecs.FEATURE_UPDATE.encode(FeatureUpdateRecords.of(values, SET, eventId)));
  }

  private static String id(Random random) {
    return random.nextInt(3) == 0 ? IDS[random.nextInt(IDS.length)] : "x" + random.nextInt();
  }

  private static long time(Random random) {
    return random.nextInt(10) == 0
        ? random.nextLong()
        : 1_600_000_000_000L + random.nextInt(1 << 30);
  }
}
