package dev.recsys.evaluation.baselines;

import dev.recsys.candidates.embeddings.InteractionMatrix;
import java.util.stream.IntStream;

/**
 * Item-based k-nearest neighbours (Sarwar et al. 2001; Deshpande, Karypis 2004): cosine
 * similarity of binary item columns, each item keeping its top neighbours; a user's score for j
 * is the sum of the similarities of j to the items the user has.
 */
final class ItemKnn implements ScoreModel {
  public static final int DEFAULT_NEIGHBOURS = 100;

  private final int[][] neighbours;
  private final float[][] similarities;

  private ItemKnn(int[][] neighbours, float[][] similarities) {
    this.neighbours = neighbours;
    this.similarities = similarities;
  }

  public static ItemKnn fit(TrainingData data, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("item-kNN neighbours must be >= 1, got " + k);
    }
    int n = data.itemCount();
    InteractionMatrix.Rows byUser = data.matrix().byUser();
    InteractionMatrix.Rows byItem = data.matrix().byItem();
    int[][] neighbours = new int[n][];
    float[][] similarities = new float[n][];
    ThreadLocal<float[]> counts = ThreadLocal.withInitial(() -> new float[n]);
    IntStream.range(0, n).parallel().forEach(i -> {
      float[] shared = counts.get();
      java.util.Arrays.fill(shared, 0f);
      for (int at = byItem.start()[i]; at < byItem.start()[i + 1]; at++) {
        int user = byItem.columns()[at];
        for (int b = byUser.start()[user]; b < byUser.start()[user + 1]; b++) {
          shared[byUser.columns()[b]] += 1;
        }
      }
      shared[i] = 0;
      for (int j = 0; j < n; j++) {
        if (shared[j] > 0) {
          shared[j] /= (float) Math.sqrt((double) byItem.size(i) * byItem.size(j));
        }
      }
      int[] top = top(data, shared, k);
      neighbours[i] = top;
      similarities[i] = new float[top.length];
      for (int t = 0; t < top.length; t++) {
        similarities[i][t] = shared[top[t]];
      }
    });
    return new ItemKnn(neighbours, similarities);
  }

  private static int[] top(TrainingData data, float[] scores, int k) {
    return java.util.Arrays.stream(TopItems.bestColumns(data, scores, java.util.Set.of(), k))
        .filter(j -> scores[j] > 0)
        .toArray();
  }

  @Override
  public void score(UserRow row, float[] out) {
    for (int i : row.columns()) {
      for (int t = 0; t < neighbours[i].length; t++) {
        out[neighbours[i][t]] += similarities[i][t];
      }
    }
  }
}
