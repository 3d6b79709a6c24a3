package dev.recsys.candidates.ann;

import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.VectorUtil;
import io.github.jbellis.jvector.vector.types.VectorFloat;

/**
 * Exact scores over the table's vector pages, for building, loading (which rescores every edge)
 * and searching the graph alike.
 */
final class PageScores implements BuildScoreProvider {

  private final ItemTable table;
  private final boolean euclidean;

  PageScores(ItemTable table, boolean euclidean) {
    this.table = table;
    this.euclidean = euclidean;
  }

  @Override
  public boolean isExact() {
    return true;
  }

  @Override
  public VectorFloat<?> approximateCentroid() {
    int dimensions = table.dimension();
    VectorFloat<?> centroid = ItemTable.VTS.createFloatVector(dimensions);
    int size = table.size();
    for (int ordinal = 0; ordinal < size; ordinal++) {
      VectorFloat<?> page = table.vectorPage(ordinal);
      int offset = table.offset(ordinal);
      for (int i = 0; i < dimensions; i++) {
        centroid.set(i, centroid.get(i) + page.get(offset + i));
      }
    }
    if (size > 0) {
      VectorUtil.scale(centroid, 1f / size);
    }
    return centroid;
  }

  /** Exact scores of {@code query} (graph form) against every node, for a search. */
  PageScore scoreFor(VectorFloat<?> query) {
    return new PageScore(table, query, euclidean);
  }

  @Override
  public SearchScoreProvider searchProviderFor(VectorFloat<?> query) {
    return new DefaultSearchScoreProvider(scoreFor(query));
  }

  @Override
  public SearchScoreProvider searchProviderFor(int node) {
    return searchProviderFor(table.getVector(node));
  }

  @Override
  public SearchScoreProvider diversityProviderFor(int node) {
    return searchProviderFor(node);
  }
}
