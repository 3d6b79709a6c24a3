package dev.recsys.serving.rerank;

import static dev.recsys.serving.rerank.RuleFixtures.HOUR;
import static dev.recsys.serving.rerank.RuleFixtures.NOW;
import static dev.recsys.serving.rerank.RuleFixtures.catalog;
import static dev.recsys.serving.rerank.RuleFixtures.context;
import static dev.recsys.serving.rerank.RuleFixtures.ids;
import static dev.recsys.serving.rerank.RuleFixtures.item;
import static dev.recsys.serving.rerank.RuleFixtures.slate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.serving.catalog.MemoryCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReorderRulesTest {

  @Test
  void shouldBoostFreshItemsAboveOlderOnes() {
    MemoryCatalog catalog = catalog();
    catalog.apply(item("old", null, true, NOW - 30 * 24 * HOUR));
    catalog.apply(item("fresh", null, true, NOW - HOUR));

    List<Slot> out = new FreshBoost(Duration.ofDays(7), 2.0)
        .apply(slate("old", "fresh"), context(10, catalog, List.of()));

    assertThat(ids(out)).containsExactly("fresh", "old");
    assertThat(out.get(0).score()).isEqualTo(1.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(out.get(0).fired()).containsExactly(FreshBoost.NAME);
    assertThat(out.get(1).fired()).isEmpty();
  }

  @Test
  void shouldBoostConfiguredCategories() {
    MemoryCatalog catalog = catalog();
    catalog.apply(item("a", "music", true, NOW));
    catalog.apply(item("b", "books", true, NOW));

    List<Slot> out = new CategoryBoost(Map.of("books", 1.5))
        .apply(slate("a", "b"), context(10, catalog, List.of()));

    assertThat(ids(out)).containsExactly("b", "a");
    assertThat(out.get(0).fired()).containsExactly(CategoryBoost.NAME);
  }

  @Test
  void shouldDiversifyNearDuplicatesWithMmr() {
    Map<String, float[]> vectors =
        Map.of("a", new float[] {1, 0}, "a-twin", new float[] {1, 0.01f}, "b", new float[] {0, 1});

    List<Slot> out = new MmrDiversity(0.5).apply(slate("a", "a-twin", "b"), context(3, vectors));

    assertThat(ids(out)).containsExactly("a", "b", "a-twin");
    assertThat(out.get(1).fired()).containsExactly(MmrDiversity.NAME);
    assertThat(out.get(0).fired()).isEmpty();
  }

  @Test
  void shouldKeepScoreOrderWhenLambdaIsOne() {
    Map<String, float[]> vectors = Map.of("a", new float[] {1, 0}, "a-twin", new float[] {1, 0});

    List<Slot> out = new MmrDiversity(1.0).apply(slate("a", "a-twin"), context(2, vectors));

    assertThat(ids(out)).containsExactly("a", "a-twin");
  }

  @Test
  void shouldPutPinnedItemsAtTheirPositionsOnce() {
    MemoryCatalog catalog = catalog();
    catalog.apply(item("gone", null, false, NOW));
    PinnedSlots pins = new PinnedSlots(List.of(
        new PinnedSlots.Pin("promo", 0),
        new PinnedSlots.Pin("c", 1),
        new PinnedSlots.Pin("gone", 2)));

    List<Slot> out = pins.apply(slate("a", "b", "c"), context(10, catalog, List.of()));

    assertThat(ids(out)).containsExactly("promo", "c", "a", "b");
    assertThat(out.get(0).sources()).containsExactly(PinnedSlots.NAME);
    assertThat(out.get(1).fired()).containsExactly(PinnedSlots.NAME);
  }

  @Test
  void shouldRejectInvalidParametersWithTheKeyName() {
    assertThatThrownBy(() -> new MmrDiversity(1.5)).hasMessageContaining("diversity.lambda");
    assertThatThrownBy(() -> new CategoryCap(0)).hasMessageContaining("max_per_category");
    assertThatThrownBy(() -> new FreshBoost(Duration.ofDays(1), 0))
        .hasMessageContaining("boosts.fresh.factor");
  }
}
