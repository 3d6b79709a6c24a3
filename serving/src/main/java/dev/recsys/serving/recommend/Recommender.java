package dev.recsys.serving.recommend;

import dev.recsys.candidates.ann.ScoredItem;
import java.util.List;

/** The recommendation service. Thread-safe; never throws for a degraded dependency. */
public interface Recommender extends AutoCloseable {

  /** Recommendations for the user; an unknown user gets the cold-start path. */
  Recommendation recommend(RecommendRequest request);

  /**
   * The item's nearest neighbours in the index, available ones only, best first.
   *
   * @throws UnknownItemException if the item is not in the index
   */
  List<ScoredItem> similar(String itemId, int k);

  /** Ready once the index and a model are loaded and a warm-up request ran. */
  Readiness readiness();

  @Override
  void close();
}
