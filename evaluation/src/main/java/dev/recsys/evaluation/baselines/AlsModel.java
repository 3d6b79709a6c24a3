package dev.recsys.evaluation.baselines;

import dev.recsys.candidates.embeddings.AlsParams;
import dev.recsys.candidates.embeddings.Embeddings;
import dev.recsys.candidates.embeddings.ImplicitAls;
import dev.recsys.candidates.embeddings.TrainingListener;

/** iALS on its own (our {@link ImplicitAls}): a user's score for an item is their dot product. */
public final class AlsModel implements ScoreModel {
  private final Embeddings embeddings;

  private AlsModel(Embeddings embeddings) {
    this.embeddings = embeddings;
  }

  public static AlsModel fit(TrainingData data, AlsParams params) {
    return new AlsModel(ImplicitAls.train(data.matrix(), params, TrainingListener.NONE));
  }

  @Override
  public void score(int user, float[] out) {
    float[] u = embeddings.userVectors().get(user);
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
