package dev.recsys.features.pair;

/**
 * Where the pair features find items' embeddings (the vectors the ANN index holds). Replay and
 * serving must read the same vectors, or the taste similarity the ranker learned from is not the
 * one it is served.
 */
@FunctionalInterface
public interface ItemVectors {
  /** No embeddings: every taste similarity is 0. */
  ItemVectors NONE = itemId -> null;

  /** The item's embedding, or null when it has none. Callers do not modify it. */
  float[] vector(String itemId);
}
