package dev.recsys.ranking.train;

import static java.util.Objects.requireNonNull;

import dev.recsys.ranking.data.TimeSplit;
import dev.recsys.ranking.data.TrainingSet;
import dev.recsys.ranking.registry.ModelCard;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a ranker: split by time, fit on the earlier rows, export the served ONNX graph and
 * evaluate that graph (not the training library) on the later rows.
 */
public final class RankerTrainer {
  private static final Logger log = LoggerFactory.getLogger(RankerTrainer.class);

  private final TrainerParams params;
  private final Clock clock;

  private RankerTrainer(TrainerParams params, Clock clock) {
    this.params = requireNonNull(params, "params");
    this.clock = requireNonNull(clock, "clock");
  }

  public static RankerTrainer with(TrainerParams params) {
    return with(params, Clock.systemUTC());
  }

  public static RankerTrainer with(TrainerParams params, Clock clock) {
    return new RankerTrainer(params, clock);
  }

  public TrainedRanker train(TrainingSet set, TrainingListener listener) {
    long started = System.nanoTime();
    listener.onStage(TrainingStage.SPLIT);
    TimeSplit split = set.splitByTime(params.holdoutFraction());
    listener.onStage(TrainingStage.FIT);
    FittedModel fitted = params.algorithm().fit(split.train(), params);
    listener.onStage(TrainingStage.EXPORT);
    ModelCard card = card(set);
    byte[] onnx = fitted.exportOnnx();
    listener.onStage(TrainingStage.EVALUATE);
    HoldoutMetrics metrics = HoldoutEvaluator.evaluate(card, onnx, split);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    log.info(
        "Trained {} on {} rows in {} ms: holdout AUC {}, NDCG@10 {}",
        params.algorithm().id(),
        split.train().rows(),
        took.toMillis(),
        String.format("%.4f", metrics.auc()),
        String.format("%.4f", metrics.ndcgAt10()));
    return new TrainedRanker(card.withMetrics(metrics.asMap()), onnx, metrics, took);
  }

  ModelCard card(TrainingSet set) {
    return new ModelCard(
        ModelCard.RANKER,
        params.algorithm().id(),
        ServingGraph.INPUT,
        set.featureNames(),
        ServingGraph.OUTPUT,
        params.algorithm().outputMeaning(),
        null,
        set.fingerprint(),
        clock.instant());
  }
}
