package dev.recsys.app.cli;

import dev.recsys.app.config.RecsysConfig;
import dev.recsys.app.demo.TopicCounts;
import dev.recsys.app.offline.EmbeddingsJob;
import dev.recsys.app.offline.OfflineLoop;
import dev.recsys.app.offline.TrainingInteractions;
import dev.recsys.candidates.embeddings.AlsParams;
import dev.recsys.candidates.embeddings.Interaction;
import dev.recsys.features.definition.EventWeights;
import dev.recsys.features.replay.RefusalLimit;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code recsys train-embeddings}: item vectors by implicit-feedback matrix factorization. */
@Command(
    name = "train-embeddings",
    mixinStandardHelpOptions = true,
    description = {
      "Train item embeddings (iALS) on the accepted events before a cut-off and "
          + "register them as models/embeddings/{version}/.",
      "Then: recsys build-index --embeddings models/embeddings/VERSION --out DIR"
    })
final class TrainEmbeddingsCommand implements Callable<Integer> {
  @ParentCommand
  private Recsys root;

  @Mixin
  private RegistryOption registry;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      converter = TimeConverters.InstantConverter.class,
      description = "Train on events before this time (default: all).")
  private Instant until = Instant.MAX;

  @Option(
      names = "--weights",
      paramLabel = "TYPE=W,...",
      description = "Weight per event type (default: view=1,click=4,add_to_cart=6,purchase=10,"
          + "rating=3).")
  private String weights;

  @Option(names = "--factors", description = "Dimensions (default: ${DEFAULT-VALUE}).")
  private int factors = AlsParams.DEFAULT_FACTORS;

  @Option(names = "--iterations", description = "ALS passes (default: ${DEFAULT-VALUE}).")
  private int iterations = AlsParams.DEFAULT_ITERATIONS;

  @Option(
      names = "--alpha",
      description = "Confidence per unit of weight (default: " + "${DEFAULT-VALUE}).")
  private float alpha = AlsParams.DEFAULT_ALPHA;

  @Option(
      names = "--regularization",
      description = "L2 regularization (default: " + "${DEFAULT-VALUE}).")
  private float regularization = AlsParams.DEFAULT_REGULARIZATION;

  @Override
  public Integer call() {
    RecsysConfig config = root.config();
    KafkaConnection kafka = Connections.kafka(config);
    Topics topics = Topics.named(config.topics());
    EventWeights eventWeights =
        weights == null ? EventWeights.DEFAULT : EventWeights.parse(weights);
    Path dir = train(
        kafka,
        topics,
        config.refusalLimit(),
        until,
        eventWeights,
        AlsParams.DEFAULT
            .withFactors(factors)
            .withIterations(iterations)
            .withAlpha(alpha)
            .withRegularization(regularization),
        registry.root().resolve("models"));
    System.out.println("serve it with: recsys build-index --embeddings " + dir + " --out DIR");
    return 0;
  }

  /** Reads, trains, registers; prints a summary. Returns the version folder. */
  static Path train(
      KafkaConnection kafka,
      Topics topics,
      RefusalLimit limit,
      Instant until,
      EventWeights weights,
      AlsParams params,
      Path modelsRoot) {
    Stopwatch watch = new Stopwatch();
    TrainingInteractions.Read read;
    try (Progress progress = Progress.of(
        "read events", TopicCounts.records(kafka, topics.events().name()), " events", 1)) {
      read = TrainingInteractions.read(
          kafka, topics, limit.intake(), until, weights, progress::stepTo);
      progress.complete();
    }
    System.out.println("replay: " + read.replay().intakeLine());
    limit.check("train-embeddings", read.replay());
    List<Interaction> interactions = read.interactions();
    EmbeddingsJob.Result result;
    try (Progress train = Progress.of("train iALS", params.iterations(), " passes", 1)) {
      result = EmbeddingsJob.train(
          interactions,
          params,
          modelsRoot,
          Clock.systemUTC(),
          (pass, passes, elapsed) -> train.stepTo(pass));
    }
    var info = result.trained().info();
    System.out.printf(
        "trained %d-dimensional embeddings of %,d items from %,d interactions of "
            + "%,d users in %s; held-out: %s; registered %s%n",
        params.factors(),
        info.itemCount(),
        result.interactions(),
        info.userCount(),
        watch.total(),
        OfflineLoop.quality(info.quality()),
        result.dir());
    return result.dir();
  }
}
