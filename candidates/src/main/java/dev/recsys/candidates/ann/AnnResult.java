package dev.recsys.candidates.ann;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Search answer: items best first, with diagnostics.
 *
 * @param items at most k items, best first, no duplicates
 * @param visited how many vectors were scored to answer
 * @param width the search width (candidate list size) used; equals the index size for exact search
 */
public record AnnResult(List<ScoredItem> items, int visited, int width) {

  public static final AnnResult EMPTY = new AnnResult(List.of(), 0, 0);

  public AnnResult {
    items = List.copyOf(requireNonNull(items, "items"));
    if (visited < 0 || width < 0) {
      throw new IllegalArgumentException(
          "visited and width must be >= 0, got " + visited + ", " + width);
    }
  }

  public List<String> ids() {
    return items.stream().map(ScoredItem::itemId).toList();
  }
}
