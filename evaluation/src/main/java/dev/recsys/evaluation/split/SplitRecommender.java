package dev.recsys.evaluation.split;

import java.util.List;
import java.util.Set;

/** A system asked once per user, as of the split. */
@FunctionalInterface
public interface SplitRecommender {
  /** Up to {@code k} item ids for {@code userId}, best first, none of them in {@code exclude}. */
  List<String> recommend(String userId, Set<String> exclude, int k);
}
