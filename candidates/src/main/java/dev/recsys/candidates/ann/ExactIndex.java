package dev.recsys.candidates.ann;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Brute force: scores every live item. Exact, so it is the reference for recall and fine for tiny
 * catalogs.
 */
final class ExactIndex implements AnnIndex {

  private final ItemTable table;
  private final AnnParams params;

  private ExactIndex(ItemTable table, AnnParams params) {
    this.table = table;
    this.params = params;
  }

  static ExactIndex create(
      int dimensions, List<String> ids, List<float[]> vectors, AnnParams params) {
    if (ids.size() != vectors.size()) {
      throw new IllegalArgumentException(ids.size() + " ids but " + vectors.size() + " vectors");
    }
    ExactIndex index = new ExactIndex(new ItemTable(dimensions, false), params);
    for (int i = 0; i < ids.size(); i++) {
      index.upsert(ids.get(i), vectors.get(i));
    }
    return index;
  }

  static ExactIndex load(IndexFiles.Contents contents) {
    ExactIndex index =
        new ExactIndex(new ItemTable(contents.dimensions(), false), contents.params());
    for (int i = 0; i < contents.ids().size(); i++) {
      String id = contents.ids().get(i);
      if (id != null) {
        index.upsert(id, contents.vectors().get(i));
      }
    }
    return index;
  }

  @Override
  public AnnResult search(float[] query, int k, ItemFilter filter, int searchWidth) {
    return search(query, k, filter);
  }

  @Override
  public AnnResult search(float[] query, int k, ItemFilter filter) {
    table.checkDimensions("query", query);
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0, got " + k);
    }
    PriorityQueue<ScoredItem> best =
        new PriorityQueue<>(Comparator.comparingDouble(ScoredItem::score));
    Set<String> seen = new HashSet<>();
    int upper = table.size();
    int visited = 0;
    for (int ordinal = upper - 1; ordinal >= 0; ordinal--) {
      Slot slot = table.slot(ordinal);
      if (!table.live(ordinal) || !filter.accepts(slot.itemId()) || !seen.add(slot.itemId())) {
        continue;
      }
      visited++;
      best.add(new ScoredItem(slot.itemId(), params.similarity().score(query, slot.values())));
      if (best.size() > k) {
        best.poll();
      }
    }
    List<ScoredItem> items = new ArrayList<>(best);
    items.sort(Comparator.comparingDouble(ScoredItem::score).reversed());
    return new AnnResult(items, visited, visited);
  }

  @Override
  public void upsert(String itemId, float[] vector) {
    table.publish(table.append(itemId, vector));
  }

  @Override
  public boolean remove(String itemId) {
    return table.remove(itemId) >= 0;
  }

  @Override
  public Optional<float[]> vector(String itemId) {
    return table.vectorOf(itemId);
  }

  @Override
  public boolean contains(String itemId) {
    return table.contains(itemId);
  }

  @Override
  public int size() {
    return table.liveCount();
  }

  @Override
  public int dimensions() {
    return table.dimension();
  }

  @Override
  public AnnParams params() {
    return params;
  }

  @Override
  public void save(Path dir) {
    IndexFiles.writeTable(dir, "exact", params, table);
  }
}
