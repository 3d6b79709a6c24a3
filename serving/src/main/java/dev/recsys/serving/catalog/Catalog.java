package dev.recsys.serving.catalog;

import java.util.List;
import java.util.Optional;

/** A read view of the catalog. Thread-safe. An item the catalog does not know counts as available. */
public interface Catalog {

  /** Knows nothing: every item is available, nothing is new. */
  Catalog EMPTY = new Catalog() {
    @Override
    public Optional<CatalogItem> item(String itemId) {
      return Optional.empty();
    }

    @Override
    public List<String> newest(int n) {
      return List.of();
    }

    @Override
    public int size() {
      return 0;
    }
  };

  Optional<CatalogItem> item(String itemId);

  /** Up to {@code n} available items, the most recently created first. */
  List<String> newest(int n);

  /** Number of known items, available or not. */
  int size();

  default boolean available(String itemId) {
    return item(itemId).map(CatalogItem::available).orElse(true);
  }

  default Optional<String> category(String itemId) {
    return item(itemId).flatMap(CatalogItem::category);
  }

  /** A catalog kept in memory, updated with {@link MemoryCatalog#apply}. */
  static MemoryCatalog inMemory() {
    return new MemoryCatalog();
  }
}
