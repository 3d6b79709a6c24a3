package dev.recsys.serving.rerank;

import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.serving.catalog.Catalog;
import dev.recsys.serving.catalog.CatalogItem;
import dev.recsys.serving.catalog.MemoryCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Slates, contexts and catalogs for rule tests. */
final class RuleFixtures {
  static final long NOW = 1_622_505_601_000L;
  static final long HOUR = Duration.ofHours(1).toMillis();

  private RuleFixtures() {}

  /** Items with scores 1.0, 0.9, 0.8 ... in the given order. */
  static List<Slot> slate(String... ids) {
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      slots.add(Slot.of(ids[i], 0.5, 1.0 - i * 0.1, 1.0 - i * 0.1, Set.of("test")));
    }
    return slots;
  }

  static List<String> ids(List<Slot> slate) {
    return slate.stream().map(Slot::itemId).toList();
  }

  static RecentInteraction touch(String item, EventType type, long hoursAgo) {
    return new RecentInteraction(item, type, NOW - hoursAgo * HOUR);
  }

  static RerankContext context(int k, Catalog catalog, List<RecentInteraction> recent) {
    return new RerankContext(recent, NOW, k, catalog, id -> Optional.empty());
  }

  static RerankContext context(int k, Map<String, float[]> vectors) {
    return new RerankContext(
        List.of(), NOW, k, Catalog.EMPTY, id -> Optional.ofNullable(vectors.get(id)));
  }

  static MemoryCatalog catalog() {
    return Catalog.inMemory();
  }

  static CatalogItem item(String id, String category, boolean available, long createdAt) {
    return new CatalogItem(id, Optional.ofNullable(category), available, createdAt);
  }
}
