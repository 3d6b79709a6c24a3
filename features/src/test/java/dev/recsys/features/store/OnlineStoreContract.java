package dev.recsys.features.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.schemas.avro.EventType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What every {@link OnlineStore} must do; each implementation runs it. */
abstract class OnlineStoreContract {
  static final long T0 = 1_622_505_601_000L;

  abstract OnlineStore store();

  static FeatureVector user(String id, Map<String, Double> values) {
    return new FeatureVector(
        EntityKind.USER,
        id,
        T0,
        new TreeMap<>(values),
        List.of(
            new RecentInteraction("i1", EventType.CLICK, T0 - 5),
            new RecentInteraction("i2", EventType.PURCHASE, T0)));
  }

  static FeatureVector item(String id, double ctr) {
    return new FeatureVector(
        EntityKind.ITEM, id, T0 + 1, new TreeMap<>(Map.of("item.ctr_7d", ctr)), List.of());
  }

  @Test
  void shouldRankItemsByTheirTrendingScoreAsOfOneMoment() {
    long day = 24 * 3_600_000L;
    store()
        .write(List.of(
            trending("t-old-hot", 8.0, T0),
            trending("t-new-cool", 2.0, T0 + day),
            trending("t-new-warm", 3.0, T0 + day),
            item("t-never", 0.5)));

    assertThat(store().trending(10))
        .as("8 a day ago is 4 now: above 3, below nothing")
        .containsSubsequence("t-old-hot", "t-new-warm", "t-new-cool")
        .doesNotContain("t-never");
    assertThat(store().trending(1)).hasSize(1);
  }

  static FeatureVector trending(String id, double score, long at) {
    return new FeatureVector(
        EntityKind.ITEM, id, at, new TreeMap<>(Map.of("item.trending", score)), List.of());
  }

  @Test
  void shouldReadBackExactlyWhatWasWritten() {
    FeatureVector u = user("u1", Map.of("user.click_1h", 3.0, "user.affinity.c1", 0.1 + 0.2));
    store().write(List.of(u, item("i1", 1.0 / 3), item("i2", 0.25)));

    OnlineFeatures read = store().read("u1", List.of("i1", "i2", "i-missing"));

    assertThat(read.user()).contains(u);
    assertThat(read.items()).containsOnlyKeys("i1", "i2");
    assertThat(read.items().get("i1").get("item.ctr_7d")).isEqualTo(1.0 / 3);
    assertThat(read.items().get("i1").updatedAt()).isEqualTo(T0 + 1);
  }

  @Test
  void shouldReplaceTheWholeVectorSoDroppedFeaturesDisappear() {
    store().write(List.of(user("u2", Map.of("user.affinity.old", 1.0, "user.click_1h", 1.0))));
    store().write(List.of(user("u2", Map.of("user.click_1h", 2.0))));

    assertThat(store().read("u2", List.of()).user().orElseThrow().values())
        .isEqualTo(Map.of("user.click_1h", 2.0));
  }

  @Test
  void shouldLeaveTheSameStateWhenABatchIsWrittenTwice() {
    List<FeatureVector> batch = List.of(
        user("u3", Map.of("user.click_1h", 1.0)),
        user("u3", Map.of("user.click_1h", 2.0)),
        item("i3", 0.5));
    store().write(batch);
    OnlineFeatures once = store().read("u3", List.of("i3"));
    store().write(batch);
    assertThat(store().read("u3", List.of("i3"))).isEqualTo(once);
    assertThat(once.user().orElseThrow().get("user.click_1h")).isEqualTo(2.0);
  }

  @Test
  void shouldListSomeOrAllUsers() {
    for (int i = 0; i < 5; i++) {
      store().write(List.of(user("listed-" + i, Map.of("user.click_1h", 1.0))));
    }
    store().write(List.of(item("not-a-user", 0.5)));
    Set<String> all = new HashSet<>();
    store().forEachUserId(all::add);

    assertThat(all).contains("listed-0", "listed-4").doesNotContain("not-a-user");
    assertThat(store().someUserIds(3)).hasSize(3).doesNotHaveDuplicates().isSubsetOf(all);
    assertThat(store().someUserIds(all.size() + 10)).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void shouldReturnNothingForAnUnknownUser() {
    assertThat(store().read("nobody", List.of("nothing")))
        .isEqualTo(new OnlineFeatures(java.util.Optional.empty(), Map.of()));
  }
}
