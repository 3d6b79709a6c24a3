package dev.recsys.app.offline;

import static java.util.Objects.requireNonNull;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.AnnParams;
import dev.recsys.candidates.embeddings.AlsParams;
import dev.recsys.candidates.embeddings.EmbeddingsTraining;
import dev.recsys.features.ReplayJob;
import dev.recsys.features.definition.EventWeights;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.replay.RefusalLimit;
import dev.recsys.ranking.data.TrainingSets;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.ranking.registry.ModelVersion;
import dev.recsys.ranking.train.RankerTrainer;
import dev.recsys.ranking.train.TrainedRanker;
import dev.recsys.ranking.train.TrainerParams;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The whole offline loop in one call, as the demo runs it: replay the topics into a training set,
 * train and promote a ranker, train item embeddings and build the ANN index from them. Each step
 * reports a line with its timing.
 */
public record OfflineLoop(
    KafkaConnection kafka,
    Topics topics,
    FeatureSet featureSet,
    RefusalLimit refusals,
    LabelPolicy labels,
    AlsParams als,
    Path workDir,
    Clock clock) {
  /**
   * iALS for the sample data set: its 2,000 users support fewer dimensions than the default 64
   * (held-out recall@10 0.34 at 24 dimensions and alpha 5, against 0.26 at the defaults).
   */
  public static final AlsParams SAMPLE_DATA_ALS =
      AlsParams.DEFAULT.withFactors(24).withAlpha(5);

  public OfflineLoop {
    requireNonNull(kafka, "kafka");
    requireNonNull(topics, "topics");
    requireNonNull(featureSet, "featureSet");
    requireNonNull(refusals, "refusals");
    requireNonNull(labels, "labels");
    requireNonNull(als, "als");
    requireNonNull(workDir, "workDir");
    requireNonNull(clock, "clock");
  }

  /** The loop as the demo runs it on the sample data set: views label, {@link #SAMPLE_DATA_ALS}. */
  public static OfflineLoop forSampleData(
      KafkaConnection kafka,
      Topics topics,
      FeatureSet featureSet,
      RefusalLimit refusals,
      Path workDir,
      Clock clock) {
    return new OfflineLoop(
        kafka, topics, featureSet, refusals, LabelPolicy.DEFAULT, SAMPLE_DATA_ALS, workDir, clock);
  }

  /** Where the loop left its artifacts: the registry root holds {@code models/}. */
  public record Artifacts(
      Path registryRoot, ModelVersion ranker, Path indexDir, ReplayJob.Result replay) {}

  public Artifacts run(Consumer<String> say) {
    Path training = workDir.resolve("training");
    long started = System.nanoTime();
    ReplayJob.Result replay = new ReplayJob(
            kafka, topics, featureSet, refusals.intake(), labels, null, training)
        .run(read -> {});
    say.accept(String.format(
        "replayed %,d events into %,d training rows (%,d positives) in %s; " + "%s",
        replay.summary().eventsRead(),
        replay.summary().rows(),
        replay.summary().positives(),
        since(started),
        replay.summary().intakeLine()));
    refusals.check("replay", replay.summary());

    started = System.nanoTime();
    TrainedRanker trained = RankerTrainer.with(TrainerParams.DEFAULT, clock)
        .train(TrainingSets.read(training), stage -> {});
    ModelRegistry registry = ModelRegistry.at(workDir, clock);
    ModelVersion ranker = registry.register(trained.card(), trained.onnx());
    registry.promote(ranker.kind(), ranker.version());
    say.accept(String.format(
        "trained and promoted ranker %s: holdout AUC %.3f, NDCG@10 %.3f (%s)",
        ranker.version(), trained.metrics().auc(), trained.metrics().ndcgAt10(), since(started)));

    started = System.nanoTime();
    EmbeddingsTraining.Trained embeddings = EmbeddingsJob.run(
            kafka,
            topics,
            refusals,
            Instant.MAX,
            EventWeights.DEFAULT,
            als,
            workDir.resolve("models"),
            clock)
        .trained();
    Path indexDir = workDir.resolve("index");
    AnnIndex.graph(
            embeddings.embeddings().dimensions(),
            embeddings.embeddings().itemIds(),
            embeddings.embeddings().itemVectors(),
            AnnParams.DEFAULT)
        .save(indexDir);
    say.accept(String.format(
        "trained %d-d embeddings of %,d items (held-out: %s) and built the " + "ANN index (%s)",
        embeddings.info().dimensions(),
        embeddings.info().itemCount(),
        quality(embeddings.info().quality()),
        since(started)));
    return new Artifacts(workDir, ranker, indexDir, replay);
  }

  /** {@code recall@10 0.345, popularity_recall@10 0.224}. */
  public static String quality(Map<String, Double> figures) {
    return figures.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String since(long startedNanos) {
    return String.format(
        "%.1f s", Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1e3);
  }
}
