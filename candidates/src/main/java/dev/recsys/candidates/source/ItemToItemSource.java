package dev.recsys.candidates.source;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.ItemFilter;
import dev.recsys.candidates.ann.ScoredItem;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * "More like what you just touched": neighbours of the newest recent items, best similarity wins.
 * An item's neighbours are searched once and remembered (they change only when the index gains
 * items, which clears the memory); the request's filter and the index's live items are applied
 * on every read, so a removed item never comes back from memory.
 */
final class ItemToItemSource implements CandidateSource {
  /** Neighbours remembered per item: more than any source quota asks for. */
  static final int REMEMBERED = 64;

  static final int MAX_REMEMBERED_ITEMS = 200_000;

  private final AnnIndex index;
  private final int seedItems;
  private final Map<String, List<ScoredItem>> neighbours = new ConcurrentHashMap<>();
  private final AtomicInteger indexSize = new AtomicInteger(-1);

  ItemToItemSource(AnnIndex index, int seedItems) {
    this.index = index;
    this.seedItems = seedItems;
  }

  @Override
  public String name() {
    return "item-to-item";
  }

  @Override
  public List<Candidate> candidates(CandidateRequest request) {
    List<RecentItem> seeds = request.newestFirst().stream().limit(seedItems).toList();
    Set<String> recent =
        request.recentItems().stream().map(RecentItem::itemId).collect(Collectors.toSet());
    ItemFilter filter = request.filter().and(ItemFilter.excluding(recent));
    Map<String, Float> best = new HashMap<>();
    forgetIfIndexGrew();
    for (RecentItem seed : seeds) {
      for (ScoredItem item : neighboursOf(seed.itemId(), request.k())) {
        if (filter.accepts(item.itemId())) {
          best.merge(item.itemId(), item.score(), Math::max);
        }
      }
    }
    // Liveness is checked best first and only until k are found: a lookup per item kept, not
    // per neighbour remembered.
    return best.entrySet().stream()
        .sorted(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .filter(e -> index.contains(e.getKey()))
        .limit(request.k())
        .map(e -> Candidate.of(e.getKey(), e.getValue(), name()))
        .toList();
  }

  private List<ScoredItem> neighboursOf(String itemId, int k) {
    List<ScoredItem> known = neighbours.get(itemId);
    if (known != null && known.size() >= Math.min(k, REMEMBERED)) {
      return known;
    }
    Optional<float[]> vector = index.vector(itemId);
    if (vector.isEmpty()) {
      return List.of();
    }
    List<ScoredItem> found = index
        .search(vector.get(), Math.max(k, REMEMBERED), ItemFilter.excluding(Set.of(itemId)))
        .items();
    if (neighbours.size() >= MAX_REMEMBERED_ITEMS) {
      neighbours.clear();
    }
    neighbours.put(itemId, found);
    return found;
  }

  private void forgetIfIndexGrew() {
    int size = index.size();
    if (indexSize.getAndSet(size) != size) {
      neighbours.clear();
    }
  }
}
