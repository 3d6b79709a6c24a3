package dev.recsys.candidates.ann;

import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.vector.VectorUtil;
import io.github.jbellis.jvector.vector.types.VectorFloat;

/**
 * Exact query-to-node scores read straight from the table's vector pages, in JVector's score
 * conventions (see {@link Similarity}).
 */
final class PageScore implements ScoreFunction.ExactScoreFunction {

  private final ItemTable table;
  private final VectorFloat<?> query;
  private final boolean euclidean;
  private final int dimensions;

  PageScore(ItemTable table, VectorFloat<?> query, boolean euclidean) {
    this.table = table;
    this.query = query;
    this.euclidean = euclidean;
    this.dimensions = table.dimension();
  }

  @Override
  public float similarityTo(int node) {
    VectorFloat<?> page = table.vectorPage(node);
    int offset = table.offset(node);
    if (euclidean) {
      return 1 / (1 + VectorUtil.squareL2Distance(query, 0, page, offset, dimensions));
    }
    return (1 + VectorUtil.dotProduct(query, 0, page, offset, dimensions)) / 2;
  }
}
