package dev.recsys.features.pair;

import java.util.List;

/**
 * The items whose vectors are nearest a query vector, best first: what the ANN candidate source
 * retrieves for a user, so replay can label those as the ranker's hard negatives.
 */
@FunctionalInterface
public interface NearestItems {
  /** No index: nothing is near anything. */
  NearestItems NONE = (vector, n) -> List.of();

  /** Up to {@code n} item ids nearest {@code vector}, best first. */
  List<String> nearest(float[] vector, int n);
}
