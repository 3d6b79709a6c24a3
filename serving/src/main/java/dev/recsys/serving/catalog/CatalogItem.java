package dev.recsys.serving.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What serving knows of one item: its category (if any), whether it can be shown, and since when it exists. */
public record CatalogItem(
    String itemId, Optional<String> category, boolean available, long createdAt) {
  public CatalogItem {
    requireNonNull(itemId, "itemId");
    requireNonNull(category, "category");
  }
}
