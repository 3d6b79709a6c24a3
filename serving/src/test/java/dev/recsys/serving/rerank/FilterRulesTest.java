package dev.recsys.serving.rerank;

import static dev.recsys.serving.rerank.RuleFixtures.NOW;
import static dev.recsys.serving.rerank.RuleFixtures.catalog;
import static dev.recsys.serving.rerank.RuleFixtures.context;
import static dev.recsys.serving.rerank.RuleFixtures.ids;
import static dev.recsys.serving.rerank.RuleFixtures.item;
import static dev.recsys.serving.rerank.RuleFixtures.slate;
import static dev.recsys.serving.rerank.RuleFixtures.touch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.schemas.avro.EventType;
import dev.recsys.serving.catalog.Catalog;
import dev.recsys.serving.catalog.MemoryCatalog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterRulesTest {

  @Test
  void shouldExcludeItemsSeenRecentlyWithoutActing() {
    RerankContext context = context(
        10,
        Catalog.EMPTY,
        List.of(
            touch("viewed", EventType.VIEW, 1),
            touch("clicked", EventType.VIEW, 1),
            touch("clicked", EventType.CLICK, 1),
            touch("long-ago", EventType.VIEW, 48)));

    List<Slot> out = new ExcludeSeen(Duration.ofHours(24))
        .apply(slate("viewed", "clicked", "long-ago", "other"), context);

    assertThat(ids(out)).containsExactly("clicked", "long-ago", "other");
  }

  @Test
  void shouldExcludeEveryRecentlyTouchedItemWhateverWasDone() {
    RerankContext context = context(
        10,
        Catalog.EMPTY,
        List.of(
            touch("rated", EventType.RATING, 24 * 400),
            touch("viewed", EventType.VIEW, 1),
            touch("disliked", EventType.DISLIKE, 2)));

    List<Slot> out = RulesParser.parse("{\"exclude_touched\": true}")
        .apply(slate("rated", "other", "viewed", "disliked"), context);

    assertThat(ids(out)).containsExactly("other");
    assertThat(new ExcludeTouched().excludes(context))
        .containsExactlyInAnyOrder("rated", "viewed", "disliked");
  }

  @Test
  void shouldNeverShowBoughtItemsAgainUnderTheExcludePolicy() {
    RerankContext context =
        context(10, Catalog.EMPTY, List.of(touch("bought", EventType.PURCHASE, 24 * 90)));
    RepeatPurchases never = RepeatPurchases.never();

    assertThat(ids(never.apply(slate("bought", "other"), context))).containsExactly("other");
    assertThat(never.buyAgain(context)).isEmpty();
  }

  @Test
  void shouldOfferBoughtItemsAgainOnceTheIntervalPassed() {
    RerankContext context = context(
        10,
        Catalog.EMPTY,
        List.of(
            touch("old", EventType.PURCHASE, 24 * 40),
            touch("recent", EventType.PURCHASE, 24 * 2),
            touch("older", EventType.PURCHASE, 24 * 50)));
    RepeatPurchases after30Days = RepeatPurchases.after(Duration.ofDays(30));

    assertThat(ids(after30Days.apply(slate("old", "recent", "x"), context)))
        .containsExactly("old", "x");
    assertThat(after30Days.buyAgain(context)).containsExactly("old", "older");
    assertThat(after30Days.excludes(context)).containsExactly("recent");
  }

  @Test
  void shouldExcludeItemsTheCatalogMarksUnavailable() {
    MemoryCatalog catalog = catalog();
    catalog.apply(item("gone", "books", false, NOW));
    catalog.apply(item("here", "books", true, NOW));

    List<Slot> out = new ExcludeUnavailable()
        .apply(slate("gone", "here", "unknown"), context(10, catalog, List.of()));

    assertThat(ids(out)).containsExactly("here", "unknown");
  }

  @Test
  void shouldKeepAtMostNPerCategoryBestFirst() {
    MemoryCatalog catalog = catalog();
    for (String id : List.of("b1", "b2", "b3")) {
      catalog.apply(item(id, "books", true, NOW));
    }
    catalog.apply(item("m1", "music", true, NOW));

    List<Slot> out = new CategoryCap(2)
        .apply(slate("b1", "b2", "b3", "m1", "none"), context(10, catalog, List.of()));

    assertThat(ids(out)).containsExactly("b1", "b2", "m1", "none");
  }
}
