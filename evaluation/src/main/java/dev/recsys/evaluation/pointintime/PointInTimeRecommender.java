package dev.recsys.evaluation.pointintime;

import java.util.List;
import java.util.Set;

/** A recommender asked as of a moment; what it reads must hold nothing at or after it. */
@FunctionalInterface
public interface PointInTimeRecommender {
  /**
   * Up to {@code k} item ids for {@code userId}, best first, none of them in {@code exclude}, as
   * of {@code time} (epoch ms).
   */
  List<String> recommend(String userId, Set<String> exclude, int k, long time);
}
