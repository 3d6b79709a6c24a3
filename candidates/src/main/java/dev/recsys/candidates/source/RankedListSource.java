package dev.recsys.candidates.source;

import dev.recsys.candidates.ann.ItemFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Walks a ranked list (popular, trending, new) and keeps the first k allowed items; score is
 * 1/rank.
 */
final class RankedListSource implements CandidateSource {

  private final String name;
  private final Supplier<List<String>> ranking;
  private final ItemFilter available;

  RankedListSource(String name, Supplier<List<String>> ranking, ItemFilter available) {
    this.name = name;
    this.ranking = ranking;
    this.available = available;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Candidate> candidates(CandidateRequest request) {
    ItemFilter filter = request.filter().and(available);
    List<String> ranked = ranking.get();
    List<Candidate> out = new ArrayList<>(request.k());
    for (int rank = 0; rank < ranked.size() && out.size() < request.k(); rank++) {
      String itemId = ranked.get(rank);
      if (filter.accepts(itemId)) {
        out.add(Candidate.of(itemId, 1f / (rank + 1), name));
      }
    }
    return out;
  }
}
