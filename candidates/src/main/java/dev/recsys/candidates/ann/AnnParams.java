package dev.recsys.candidates.ann;

import static java.util.Objects.requireNonNull;

/**
 * Graph build and search parameters. Start from {@link #DEFAULT} and change one thing at a time:
 * {@code AnnParams.DEFAULT.withDegree(48)}.
 *
 * @param degree max neighbours per node in the base layer (JVector degree 32 ~ HNSW M=16)
 * @param beamWidth candidate list size while building (HNSW efConstruction)
 * @param neighborOverflow how far a neighbour list may overflow before it is pruned back to {@code
 *     degree}
 * @param alpha diversity pruning; above 1 keeps longer edges (DiskANN alpha)
 * @param hierarchy build upper HNSW layers
 * @param searchWidth candidate list size while searching (HNSW efSearch); at least k is used
 * @param overquery the width is at least {@code k * overquery}
 * @param similarity how vectors compare
 */
public record AnnParams(
    int degree,
    int beamWidth,
    float neighborOverflow,
    float alpha,
    boolean hierarchy,
    int searchWidth,
    float overquery,
    Similarity similarity) {

  public static final int DEFAULT_DEGREE = 32;
  public static final int DEFAULT_BEAM_WIDTH = 100;
  public static final float DEFAULT_NEIGHBOR_OVERFLOW = 1.2f;
  public static final float DEFAULT_ALPHA = 1.2f;
  public static final int DEFAULT_SEARCH_WIDTH = 40;
  public static final float DEFAULT_OVERQUERY = 2.0f;

  public static final AnnParams DEFAULT = new AnnParams(
      DEFAULT_DEGREE,
      DEFAULT_BEAM_WIDTH,
      DEFAULT_NEIGHBOR_OVERFLOW,
      DEFAULT_ALPHA,
      true,
      DEFAULT_SEARCH_WIDTH,
      DEFAULT_OVERQUERY,
      Similarity.COSINE);

  public AnnParams {
    requireNonNull(similarity, "similarity");
    positive("degree", degree);
    positive("beamWidth", beamWidth);
    positive("searchWidth", searchWidth);
    if (neighborOverflow < 1f) {
      throw new IllegalArgumentException("neighborOverflow must be >= 1, got " + neighborOverflow);
    }
    if (alpha < 1f) {
      throw new IllegalArgumentException("alpha must be >= 1, got " + alpha);
    }
    if (overquery < 1f) {
      throw new IllegalArgumentException("overquery must be >= 1, got " + overquery);
    }
  }

  /** The candidate list size a search for k items uses. */
  public int widthFor(int k) {
    return Math.max(searchWidth, (int) Math.ceil(k * overquery));
  }

  public AnnParams withDegree(int value) {
    return new AnnParams(
        value, beamWidth, neighborOverflow, alpha, hierarchy, searchWidth, overquery, similarity);
  }

  public AnnParams withBeamWidth(int value) {
    return new AnnParams(
        degree, value, neighborOverflow, alpha, hierarchy, searchWidth, overquery, similarity);
  }

  public AnnParams withNeighborOverflow(float value) {
    return new AnnParams(
        degree, beamWidth, value, alpha, hierarchy, searchWidth, overquery, similarity);
  }

  public AnnParams withAlpha(float value) {
    return new AnnParams(
        degree, beamWidth, neighborOverflow, value, hierarchy, searchWidth, overquery, similarity);
  }

  public AnnParams withHierarchy(boolean value) {
    return new AnnParams(
        degree, beamWidth, neighborOverflow, alpha, value, searchWidth, overquery, similarity);
  }

  public AnnParams withSearchWidth(int value) {
    return new AnnParams(
        degree, beamWidth, neighborOverflow, alpha, hierarchy, value, overquery, similarity);
  }

  public AnnParams withOverquery(float value) {
    return new AnnParams(
        degree, beamWidth, neighborOverflow, alpha, hierarchy, searchWidth, value, similarity);
  }

  public AnnParams withSimilarity(Similarity value) {
    return new AnnParams(
        degree, beamWidth, neighborOverflow, alpha, hierarchy, searchWidth, overquery, value);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
