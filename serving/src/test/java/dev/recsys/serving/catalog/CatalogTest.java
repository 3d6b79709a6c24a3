package dev.recsys.serving.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.Similarity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private final MemoryCatalog catalog = Catalog.inMemory();

  private static CatalogItem item(String id, boolean available, long createdAt) {
    return new CatalogItem(id, Optional.of("c"), available, createdAt);
  }

  @Test
  void shouldListTheNewestAvailableItemsFirst() {
    catalog.apply(item("old", true, 1));
    catalog.apply(item("new", true, 3));
    catalog.apply(item("gone", false, 4));
    catalog.apply(item("mid", true, 2));
    catalog.apply(item("mid", false, 2));

    assertThat(catalog.newest(5)).containsExactly("new", "old");
    assertThat(catalog.available("gone")).isFalse();
    assertThat(catalog.available("never-heard-of")).isTrue();
    assertThat(catalog.size()).isEqualTo(4);
  }

  @Test
  void shouldTakeUnavailableItemsOutOfTheIndexAndBackWhenAvailableAgain() {
    AnnIndex index = AnnIndex.exact(
        2, List.of("a", "b"), List.of(new float[] {1, 0}, new float[] {0, 1}), Similarity.COSINE);
    catalog.onChange(new IndexSync(index));

    catalog.apply(item("a", false, 1));
    assertThat(index.contains("a")).isFalse();

    catalog.apply(item("a", true, 1));
    assertThat(index.contains("a")).isTrue();
    assertThat(index.vector("a")).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 0));
  }
}
