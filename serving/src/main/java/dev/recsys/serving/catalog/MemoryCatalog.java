package dev.recsys.serving.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The catalog in memory. The newest available items are kept sorted, so {@link #newest} costs
 * O(n) whatever the catalog size. Listeners hear of every update.
 */
public final class MemoryCatalog implements Catalog {
  private static final Comparator<CatalogItem> NEWEST_FIRST = Comparator.comparingLong(
          CatalogItem::createdAt)
      .reversed()
      .thenComparing(CatalogItem::itemId);

  private final Map<String, CatalogItem> items = new ConcurrentHashMap<>();
  private final NavigableSet<CatalogItem> newest = new ConcurrentSkipListSet<>(NEWEST_FIRST);
  private final List<Consumer<CatalogItem>> listeners = new CopyOnWriteArrayList<>();

  MemoryCatalog() {}

  /** Records the item's latest state; later calls for the same id replace earlier ones. */
  public void apply(CatalogItem item) {
    requireNonNull(item, "item");
    synchronized (this) {
      CatalogItem old = items.put(item.itemId(), item);
      if (old != null) {
        newest.remove(old);
      }
      if (item.available()) {
        newest.add(item);
      }
    }
    listeners.forEach(listener -> listener.accept(item));
  }

  /** Calls {@code listener} with every item applied from now on, after the catalog has it. */
  public void onChange(Consumer<CatalogItem> listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  @Override
  public Optional<CatalogItem> item(String itemId) {
    return Optional.ofNullable(items.get(itemId));
  }

  @Override
  public List<String> newest(int n) {
    List<String> out = new ArrayList<>(Math.min(n, 64));
    for (CatalogItem item : newest) {
      if (out.size() >= n) {
        break;
      }
      out.add(item.itemId());
    }
    return out;
  }

  @Override
  public int size() {
    return items.size();
  }
}
