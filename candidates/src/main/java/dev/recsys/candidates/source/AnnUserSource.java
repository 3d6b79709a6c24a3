package dev.recsys.candidates.source;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.ItemFilter;
import dev.recsys.candidates.ann.ScoredItem;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Nearest items to the user's request-time vector; the user's own recent items are left out. */
final class AnnUserSource implements CandidateSource {

  private final AnnIndex index;
  private final Duration halfLife;

  AnnUserSource(AnnIndex index, Duration halfLife) {
    this.index = index;
    this.halfLife = halfLife;
  }

  @Override
  public String name() {
    return "ann-user";
  }

  @Override
  public List<Candidate> candidates(CandidateRequest request) {
    Set<String> recent =
        request.recentItems().stream().map(RecentItem::itemId).collect(Collectors.toSet());
    ItemFilter filter = request.filter().and(ItemFilter.excluding(recent));
    return UserVectors.of(request, index, halfLife)
        .map(user -> index.search(user, request.k(), filter).items().stream()
            .map(item -> toCandidate(item))
            .toList())
        .orElse(List.of());
  }

  private Candidate toCandidate(ScoredItem item) {
    return Candidate.of(item.itemId(), item.score(), name());
  }
}
