package dev.recsys.candidates.source;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merged candidates with diagnostics.
 *
 * @param proposed how many candidates each source returned (before quotas and de-duplication)
 * @param failed sources that threw and were skipped for this request
 */
public record Candidates(List<Candidate> items, Map<String, Integer> proposed, Set<String> failed) {

  public Candidates {
    items = List.copyOf(requireNonNull(items, "items"));
    proposed = Map.copyOf(requireNonNull(proposed, "proposed"));
    failed = Set.copyOf(requireNonNull(failed, "failed"));
  }

  public List<String> ids() {
    return items.stream().map(Candidate::itemId).toList();
  }
}
