package dev.recsys.app.cli;

import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.offline.OfflineLayout;
import dev.recsys.features.training.AsOfJoin;
import dev.recsys.features.training.TrainingSetManifest;
import dev.recsys.features.training.TrainingSetWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code recsys training-set}: labels a team already has, joined as-of to the offline store. */
@Command(
    name = "training-set",
    mixinStandardHelpOptions = true,
    description = {
      "Join your labels (CSV or Parquet: user_id, item_id, timestamp, label "
          + "[, group_id]) to the offline store, each to the features as of strictly before its "
          + "time (DuckDB ASOF JOIN), and write a training set like 'recsys replay' does."
    })
final class TrainingSetCommand implements Callable<Integer> {
  @ParentCommand
  private Recsys root;

  @Option(
      names = "--labels",
      required = true,
      paramLabel = "FILE",
      description = "Labels: .csv with a header, or .parquet.")
  private Path labels;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write the training set to.")
  private Path out;

  @Override
  public Integer call() {
    OfflineLayout layout = new OfflineLayout(root.config().offline().dir());
    Stopwatch watch = new Stopwatch();
    TrainingSetManifest manifest;
    try (TrainingSetWriter writer = TrainingSetWriter.create(out)) {
      new AsOfJoin(layout, FeatureSet.CORE_V1).run(labels, writer);
      manifest = writer.finish(
          Instant.EPOCH,
          Instant.MAX,
          "as-of-join " + labels.getFileName(),
          FeatureSet.CORE_V1.namespace());
    }
    System.out.printf(
        "joined %,d labels (%,d positives) to %s in %s; fingerprint %s%n",
        manifest.rows(),
        manifest.positives(),
        layout.root(),
        watch.total(),
        manifest.fingerprint());
    return 0;
  }
}
