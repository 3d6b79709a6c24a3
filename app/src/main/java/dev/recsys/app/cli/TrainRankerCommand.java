package dev.recsys.app.cli;

import dev.recsys.ranking.data.TrainingSet;
import dev.recsys.ranking.data.TrainingSets;
import dev.recsys.ranking.registry.ModelVersion;
import dev.recsys.ranking.train.Algorithm;
import dev.recsys.ranking.train.RankerTrainer;
import dev.recsys.ranking.train.TrainedRanker;
import dev.recsys.ranking.train.TrainerParams;
import dev.recsys.ranking.train.TrainingStage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recsys train-ranker}: training set in, registered ONNX ranker out. */
@Command(
    name = "train-ranker",
    mixinStandardHelpOptions = true,
    description = {
      "Train a ranker on a replayed training set, evaluate it on the latest rows"
          + " and register it.",
      "Serve it with: recsys models promote ranker VERSION"
    })
final class TrainRankerCommand implements Callable<Integer> {
  /** Tribuo reports each fit through java.util.logging at INFO; the bar says enough. */
  private static final java.util.logging.Logger TRIBUO =
      java.util.logging.Logger.getLogger("org.tribuo");

  @Option(
      names = "--train",
      required = true,
      paramLabel = "DIR",
      description = "Training set folder (training-set.json + *.parquet).")
  private Path train;

  @Option(
      names = "--algorithm",
      defaultValue = "FACTORIZATION_MACHINE",
      description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Algorithm algorithm;

  @Option(
      names = "--epochs",
      defaultValue = "" + TrainerParams.DEFAULT_EPOCHS,
      description = "Passes over the training rows (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = "--promote", description = "Promote the new version right away.")
  private boolean promote;

  @Mixin
  private RegistryOption registry;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    TRIBUO.setLevel(java.util.logging.Level.WARNING);
    TrainingSet set = TrainingSets.read(train);
    TrainerParams params = TrainerParams.DEFAULT.withAlgorithm(algorithm).withEpochs(epochs);
    TrainedRanker ranker;
    try (Progress progress =
        Progress.of("train-ranker", TrainingStage.values().length, " steps", 1)) {
      ranker = RankerTrainer.with(params).train(set, stage -> progress.stepTo(stage.step() - 1));
      progress.stepTo(TrainingStage.values().length);
    }
    ModelVersion version = registry.registry().register(ranker.card(), ranker.onnx());
    out()
        .printf(
            "trained %s on %,d rows in %.1f s: holdout AUC %.4f, NDCG@10 %.4f"
                + " (%,d rows, %,d groups)%n",
            algorithm.id(),
            ranker.metrics().trainRows(),
            ranker.took().toMillis() / 1e3,
            ranker.metrics().auc(),
            ranker.metrics().ndcgAt10(),
            ranker.metrics().holdoutRows(),
            ranker.metrics().groups());
    out().println("registered " + version.id() + " in " + version.dir());
    if (promote) {
      registry.registry().promote(version.kind(), version.version());
      out().println("promoted " + version.id());
    } else {
      out().println("serve it with: recsys models promote ranker " + version.version());
    }
    return 0;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
