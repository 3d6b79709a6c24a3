package dev.recsys.evaluation.baselines;

import dev.recsys.candidates.embeddings.AlsParams;
import dev.recsys.candidates.embeddings.Embeddings;
import dev.recsys.candidates.embeddings.ImplicitAls;
import dev.recsys.candidates.embeddings.TrainingListener;

/**
 * iALS on its own (our {@link ImplicitAls}): a user's score for an item is their dot product; a
 * history other than the user's training row is folded in against the item factors.
 */
final class AlsModel implements ScoreModel {
  private final Embeddings embeddings;
  private final ImplicitAls.UserSolver foldIn;

  private AlsModel(Embeddings embeddings, AlsParams params) {
    this.embeddings = embeddings;
    this.foldIn = ImplicitAls.userSolver(embeddings, params);
  }

  public static AlsModel fit(TrainingData data, AlsParams params) {
    return new AlsModel(ImplicitAls.train(data.matrix(), params, TrainingListener.NONE), params);
  }

  @Override
  public void score(UserRow row, float[] out) {
    float[] u = row.user() >= 0
        ? embeddings.userVectors().get(row.user())
        : foldIn.solve(row.columns(), row.weights());
    for (int item = 0; item < out.length; item++) {
      float[] v = embeddings.itemVectors().get(item);
      float sum = 0;
      for (int d = 0; d < u.length; d++) {
        sum += u[d] * v[d];
      }
      out[item] = sum;
    }
  }
}
