package dev.recsys.candidates.embeddings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The train-embeddings job without I/O: hold out part of each user's items, train iALS on the rest
 * and measure recall@k against a popularity baseline, then train the served model on all
 * interactions.
 */
public final class EmbeddingsTraining {

  public static final double DEFAULT_TEST_FRACTION = 0.2;
  public static final int DEFAULT_K = 10;

  /** The served model and what {@code model.json} will say about it. */
  public record Trained(ModelInfo info, Embeddings embeddings) {}

  private EmbeddingsTraining() {}

  public static Trained run(
      List<Interaction> interactions,
      AlsParams params,
      String version,
      TrainingListener listener,
      Clock clock) {
    long start = clock.millis();
    RecallEvaluator.Split split =
        RecallEvaluator.holdOut(interactions, DEFAULT_TEST_FRACTION, params.seed());
    InteractionMatrix train = InteractionMatrix.of(split.train());
    Embeddings held = ImplicitAls.train(train, params, TrainingListener.NONE);
    Map<String, Double> quality = new LinkedHashMap<>();
    quality.put(
        "recall@" + DEFAULT_K,
        RecallEvaluator.recallAtK(Recommender.of(held), split.train(), split.test(), DEFAULT_K));
    quality.put(
        "popularity_recall@" + DEFAULT_K,
        RecallEvaluator.recallAtK(
            Recommender.popularity(train), split.train(), split.test(), DEFAULT_K));

    InteractionMatrix all = InteractionMatrix.of(interactions);
    Embeddings served = ImplicitAls.train(all, params, listener);
    ModelInfo info = new ModelInfo(
        version,
        params.factors(),
        params,
        all.itemIds().size(),
        all.userIds().size(),
        clock.millis() - start,
        quality,
        clock.instant().toString());
    return new Trained(info, served);
  }
}
