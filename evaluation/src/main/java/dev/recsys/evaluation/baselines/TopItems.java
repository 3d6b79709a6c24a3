package dev.recsys.evaluation.baselines;

import dev.recsys.evaluation.split.SplitRecommender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a {@link ScoreModel} into a recommender: the k best-scored items not excluded, ties
 * broken by item id so that every run gives the same lists; an item scored minus infinity is
 * never recommended.
 */
final class TopItems {
  private TopItems() {}

  public static SplitRecommender of(TrainingData data, ScoreModel model) {
    ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[data.itemCount()]);
    return (userId, exclude, k) -> {
      int user = data.user(userId);
      if (user < 0) {
        return List.of();
      }
      float[] scores = scratch.get();
      java.util.Arrays.fill(scores, 0f);
      model.score(UserRow.of(data, user), scores);
      return best(data, scores, exclude, k);
    };
  }

  /**
   * Over histories that go on growing after the fit (the sequential protocol): each user's
   * items as {@code histories} holds them when asked, item id to summed weight, items the fit
   * never saw left out; nothing for a user with no item the fit knows.
   */
  public static SplitRecommender asOf(
      TrainingData data, ScoreModel model, Function<String, Map<String, Float>> histories) {
    ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[data.itemCount()]);
    return (userId, exclude, k) -> {
      UserRow row = row(data, histories.apply(userId));
      if (row.isEmpty()) {
        return List.of();
      }
      float[] scores = scratch.get();
      java.util.Arrays.fill(scores, 0f);
      model.score(row, scores);
      return best(data, scores, exclude, k);
    };
  }

  private static UserRow row(TrainingData data, Map<String, Float> history) {
    if (history == null) {
      return new UserRow(-1, new int[0], new float[0]);
    }
    int[] columns = new int[history.size()];
    float[] weights = new float[history.size()];
    int n = 0;
    for (Map.Entry<String, Float> item : history.entrySet()) {
      int column = data.item(item.getKey());
      if (column >= 0) {
        columns[n] = column;
        weights[n++] = item.getValue();
      }
    }
    return new UserRow(
        -1, java.util.Arrays.copyOf(columns, n), java.util.Arrays.copyOf(weights, n));
  }

  /** The k best items by score, then by id, leaving out {@code exclude}. */
  static List<String> best(TrainingData data, float[] scores, Set<String> exclude, int k) {
    List<String> out = new ArrayList<>(k);
    for (int item : bestColumns(data, scores, exclude, k)) {
      out.add(data.itemId(item));
    }
    return out;
  }

  /** {@link #best} as item columns of {@code data}. */
  static int[] bestColumns(TrainingData data, float[] scores, Set<String> exclude, int k) {
    PriorityQueue<Integer> worstFirst =
        new PriorityQueue<>(k + 1, (a, b) -> better(data, scores, b, a));
    for (int item = 0; item < scores.length; item++) {
      if (worstFirst.size() == k && better(data, scores, worstFirst.peek(), item) <= 0) {
        continue;
      }
      if (scores[item] == Float.NEGATIVE_INFINITY || exclude.contains(data.itemId(item))) {
        continue;
      }
      worstFirst.add(item);
      if (worstFirst.size() > k) {
        worstFirst.poll();
      }
    }
    int[] out = new int[worstFirst.size()];
    for (int at = out.length - 1; at >= 0; at--) {
      out[at] = worstFirst.poll();
    }
    return out;
  }

  /** Negative when {@code a} ranks before {@code b}. */
  private static int better(TrainingData data, float[] scores, int a, int b) {
    int byScore = Float.compare(scores[b], scores[a]);
    return byScore != 0 ? byScore : Integer.compare(data.idRank(a), data.idRank(b));
  }
}
