package dev.recsys.candidates.source;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A proposed item. {@code score} is the proposing source's own score (comparable only within one
 * source); {@code sources} names every source that proposed the item.
 */
public record Candidate(String itemId, float score, Set<String> sources) {

  public Candidate {
    requireNonNull(itemId, "itemId");
    sources = Set.copyOf(requireNonNull(sources, "sources"));
    if (sources.isEmpty()) {
      throw new IllegalArgumentException(
          "candidate '" + itemId + "' must name at least one source");
    }
  }

  public static Candidate of(String itemId, float score, String source) {
    return new Candidate(itemId, score, Set.of(source));
  }
}
