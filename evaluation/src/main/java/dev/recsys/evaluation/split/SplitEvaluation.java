package dev.recsys.evaluation.split;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Asks every system once per scored user and scores the lists in one mode. */
public final class SplitEvaluation {
  public static final int[] CUTOFFS = {10, 20};
  public static final int MAX_K = 20;

  private SplitEvaluation() {}

  /**
   * Every system's figures at {@link #CUTOFFS}, in the order of {@code systems}.
   *
   * @param lists how many lists each system was scored on
   * @param per what one list stands for: "users" (split) or "held-out interactions" (sequential)
   */
  public record Result(
      SplitMode mode,
      int lists,
      String per,
      int catalogSize,
      Map<String, List<SplitFigures>> systems) {

    /** A system's NDCG@10, the figure settings are chosen by. */
    public double ndcgAt10(String system) {
      return systems.get(system).get(0).ndcg().value();
    }
  }

  /**
   * @param catalogSize the items a system could recommend, for coverage
   */
  public static Result run(
      TemporalSplit split, SplitMode mode, Map<String, SplitRecommender> systems, int catalogSize) {
    Map<String, Set<String>> truth = new TreeMap<>(split.truth(mode));
    Map<String, List<SplitFigures>> figures = new LinkedHashMap<>();
    systems.forEach((name, system) -> {
      MetricBoard board = new MetricBoard(CUTOFFS);
      truth.forEach((user, relevant) -> {
        Set<String> exclude = mode.exclude(split.history().get(user));
        List<String> list = system.recommend(user, exclude, MAX_K);
        board.add(list.size() > MAX_K ? list.subList(0, MAX_K) : list, relevant);
      });
      figures.put(name, board.figures(catalogSize));
    });
    return new Result(mode, truth.size(), "users", catalogSize, figures);
  }
}
