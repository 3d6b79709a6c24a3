package dev.recsys.candidates.source;

import static java.util.Objects.requireNonNull;

import dev.recsys.candidates.ann.ItemFilter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What every source is asked: for whom, what they touched lately, what must not come back, how
 * many.
 *
 * @param recentItems the user's recent items, any order; empty for a cold user
 * @param excludedIds items no source may return (already seen, unavailable, blocked)
 * @param k how many candidates are wanted
 * @param asOf request time, for decaying recent items (from an injected clock, not the wall)
 */
public record CandidateRequest(
    String userId, List<RecentItem> recentItems, Set<String> excludedIds, int k, Instant asOf) {

  public CandidateRequest {
    requireNonNull(userId, "userId");
    requireNonNull(asOf, "asOf");
    recentItems = List.copyOf(requireNonNull(recentItems, "recentItems"));
    excludedIds = Set.copyOf(requireNonNull(excludedIds, "excludedIds"));
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0, got " + k);
    }
  }

  public ItemFilter filter() {
    return ItemFilter.excluding(excludedIds);
  }

  public CandidateRequest withK(int value) {
    return new CandidateRequest(userId, recentItems, excludedIds, value, asOf);
  }

  /** Recent items, newest first. */
  public List<RecentItem> newestFirst() {
    return recentItems.stream()
        .sorted(Comparator.comparing(RecentItem::at).reversed())
        .toList();
  }
}
