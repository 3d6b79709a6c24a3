package dev.recsys.evaluation.baselines;

import dev.recsys.evaluation.split.Observation;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The same list for everyone: items by the number of distinct users who had them since a time. */
final class Popularity implements ScoreModel {
  private final float[] counts;

  private Popularity(float[] counts) {
    this.counts = counts;
  }

  /** Over all of the training events. */
  public static Popularity of(TrainingData data, Collection<Observation> training) {
    return since(data, training, Long.MIN_VALUE);
  }

  /** Over the training events at or after {@code since} (epoch ms): recent popularity. */
  public static Popularity since(TrainingData data, Collection<Observation> training, long since) {
    float[] counts = new float[data.itemCount()];
    Set<String> pairs = new HashSet<>();
    for (Observation o : training) {
      int item = data.item(o.itemId());
      if (o.weight() > 0
          && o.time() >= since
          && item >= 0
          && pairs.add(o.userId() + '\u0000' + o.itemId())) {
        counts[item] += 1;
      }
    }
    return new Popularity(counts);
  }

  @Override
  public void score(UserRow row, float[] out) {
    System.arraycopy(counts, 0, out, 0, counts.length);
  }
}
