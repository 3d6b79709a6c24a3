package dev.recsys.serving.rerank;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One item on its way into the response, with the score of every stage and the rules that
 * touched it.
 *
 * @param retrievalScore the proposing candidate source's own score
 * @param rankerScore the model's score, NaN when the ranker did not run
 * @param score the score the slate is ordered by; rules may change it
 * @param fired names of the rules that changed this item's score or place
 */
public record Slot(
    String itemId,
    double retrievalScore,
    double rankerScore,
    double score,
    Set<String> sources,
    List<String> fired) {
  public Slot {
    requireNonNull(itemId, "itemId");
    sources = Set.copyOf(requireNonNull(sources, "sources"));
    fired = List.copyOf(requireNonNull(fired, "fired"));
  }

  public static Slot of(
      String itemId, double retrievalScore, double rankerScore, double score, Set<String> sources) {
    return new Slot(itemId, retrievalScore, rankerScore, score, sources, List.of());
  }

  /** The same item with a new score, recording {@code rule}. */
  public Slot rescored(double newScore, String rule) {
    return new Slot(itemId, retrievalScore, rankerScore, newScore, sources, with(rule));
  }

  /** The same item, recording that {@code rule} moved it. */
  public Slot firing(String rule) {
    return new Slot(itemId, retrievalScore, rankerScore, score, sources, with(rule));
  }

  private List<String> with(String rule) {
    if (fired.contains(rule)) {
      return fired;
    }
    List<String> all = new ArrayList<>(fired);
    all.add(rule);
    return all;
  }
}
