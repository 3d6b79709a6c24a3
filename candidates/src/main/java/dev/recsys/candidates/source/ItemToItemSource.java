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
import java.util.stream.Collectors;

/**
 * "More like what you just touched": neighbours of the newest recent items, best similarity wins.
 */
final class ItemToItemSource implements CandidateSource {

  private final AnnIndex index;
  private final int seedItems;

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
    for (RecentItem seed : seeds) {
      Optional<float[]> vector = index.vector(seed.itemId());
      if (vector.isEmpty()) {
        continue;
      }
      for (ScoredItem item : index.search(vector.get(), request.k(), filter).items()) {
        best.merge(item.itemId(), item.score(), Math::max);
      }
    }
    return best.entrySet().stream()
        .sorted(
            Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(request.k())
        .map(e -> Candidate.of(e.getKey(), e.getValue(), name()))
        .toList();
  }
}
