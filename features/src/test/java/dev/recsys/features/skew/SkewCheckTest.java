package dev.recsys.features.skew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.replay.FeatureStates;
import dev.recsys.features.store.InMemoryOnlineStore;
import dev.recsys.testkit.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SkewCheckTest {

  @Test
  void shouldFindNoSkewWhenTheStoreHoldsWhatReplayComputes() {
    FeatureStates states = states();
    InMemoryOnlineStore store = new InMemoryOnlineStore();
    List<FeatureVector> all = new ArrayList<>();
    states.forEachUser((id, v) -> all.add(v));
    states.forEachItem((id, v) -> all.add(v));
    store.write(all);

    SkewReport report = new SkewCheck(store, SkewCheck.DEFAULT_TOLERANCE).compare(states);

    assertThat(report.clean()).as(report.table()).isTrue();
    assertThat(report.users()).isEqualTo(2);
    assertThat(report.items()).isEqualTo(2);
  }

  @Test
  void shouldNameTheFeatureThatDiffersAndTheEntitiesMissingOnline() {
    FeatureStates states = states();
    InMemoryOnlineStore store = new InMemoryOnlineStore();
    FeatureVector u1 = states.user("u1");
    TreeMap<String, Double> wrong = new TreeMap<>(u1.values());
    wrong.put("user.view_1h", wrong.get("user.view_1h") + 1);
    store.write(List.of(
        new FeatureVector(u1.kind(), "u1", u1.updatedAt(), wrong, u1.recent()), states.item("i1")));

    SkewReport report = new SkewCheck(store, SkewCheck.DEFAULT_TOLERANCE).compare(states);

    assertThat(report.clean()).isFalse();
    assertThat(report.missingOnline()).as("u2 and i2").isEqualTo(2);
    assertThat(report.features().get(0).feature()).isEqualTo("user.view_1h");
    assertThat(report.features().get(0).differing()).isOne();
    assertThat(report.table()).contains("u1: replay 1.0, online 2.0", "SKEW");
  }

  private static FeatureStates states() {
    FeatureStates states =
        new FeatureStates(Map.of("i1", Events.item("i1").category("c").build()));
    states.apply(Events.viewed("u1", "i1").build());
    states.apply(Events.clicked("u2", "i2").build());
    return states;
  }
}
