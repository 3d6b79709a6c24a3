package dev.recsys.serving.catalog;

import static java.util.Objects.requireNonNull;

import dev.recsys.candidates.ann.AnnIndex;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keeps the ANN index to available items: an item that becomes unavailable leaves the index at
 * once, its vector parked here; if it becomes available again, it goes back in. Pass it to
 * {@link MemoryCatalog#onChange}.
 */
public final class IndexSync implements Consumer<CatalogItem> {
  private final AnnIndex index;
  private final Map<String, float[]> parked = new ConcurrentHashMap<>();

  public IndexSync(AnnIndex index) {
    this.index = requireNonNull(index, "index");
  }

  @Override
  public void accept(CatalogItem item) {
    if (!item.available()) {
      index.vector(item.itemId()).ifPresent(vector -> {
        parked.put(item.itemId(), vector);
        index.remove(item.itemId());
      });
      return;
    }
    float[] vector = parked.remove(item.itemId());
    if (vector != null) {
      index.upsert(item.itemId(), vector);
    }
  }
}
