package dev.recsys.app.cli;

import dev.recsys.app.config.RecsysConfig;
import dev.recsys.app.demo.TopicCounts;
import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.ItemFilter;
import dev.recsys.candidates.ann.ScoredItem;
import dev.recsys.features.ReplayJob;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.pair.ItemVectors;
import dev.recsys.features.pair.NearestItems;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.replay.ReplaySummary;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code recsys replay}: topics in, a point-in-time training set out. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay the events topic through the feature code into a point-in-time "
          + "training set (Parquet + training-set.json).",
      "Each row holds the user's and item's features as of strictly before its moment."
    })
final class ReplayCommand implements Callable<Integer> {
  @ParentCommand
  private Recsys root;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write the training set to.")
  private Path out;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      converter = TimeConverters.InstantConverter.class,
      description = "Label moments from this time on (ISO-8601 or YYYY-MM-DD; default: all).")
  private Instant from = Instant.EPOCH;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      converter = TimeConverters.InstantConverter.class,
      description = "Label moments before this time (default: all).")
  private Instant to = Instant.MAX;

  @Option(
      names = "--positive",
      split = ",",
      paramLabel = "TYPE",
      description = "Event types that are positives (default: ${DEFAULT-VALUE}).")
  private List<EventType> positives = List.copyOf(LabelPolicy.DEFAULT_POSITIVES);

  @Option(
      names = "--negatives",
      paramLabel = "N",
      description = "Sampled negatives per positive when there are no impressions "
          + "(default: ${DEFAULT-VALUE}).")
  private int negatives = LabelPolicy.DEFAULT_NEGATIVES;

  @Option(
      names = "--negatives-by",
      paramLabel = "HOW",
      description = "Sample negatives by ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private LabelPolicy.Negatives negativesBy = LabelPolicy.DEFAULT.sampling();

  // A negatable flag that is on by default needs both values spelled out: with only a field
  // initialiser, picocli treats --no-novel-only as "not the default" and leaves it on.
  @Option(
      names = "--novel-only",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Label only interactions with items new to the user; --no-novel-only labels "
          + "repeats too (default: ${DEFAULT-VALUE}).")
  private boolean novelOnly;

  @Option(
      names = "--seed",
      description = "Seed of the negative sampler (default: ${DEFAULT-VALUE}).")
  private long seed = LabelPolicy.DEFAULT_SEED;

  @Option(
      names = "--warm-up",
      paramLabel = "DURATION",
      converter = TimeConverters.DurationConverter.class,
      description = "History before --from to replay (e.g. 14d); default: all of it, so "
          + "features match the stream exactly.")
  private Duration warmUp;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "An ANN index whose item vectors give the rows' taste similarity, as serving "
          + "computes it from the index it serves. Use one trained on events before --from: "
          + "vectors that saw the labelled moments leak them (default: none, similarity 0).")
  private Path index;

  @Option(
      names = "--hard-negatives",
      paramLabel = "N",
      description = "Of each positive's --negatives, up to N drawn from the "
          + LabelPolicy.HARD_NEGATIVE_POOL + " items nearest the user's taste in --index (what"
          + " the ANN source retrieves), so the ranker learns to order the candidates it is"
          + " served; the rest sampled by --negatives-by (default: 0).")
  private int hardNegatives;

  /** The labelling the options ask for. */
  LabelPolicy labels() {
    return new LabelPolicy(
        EnumSet.copyOf(positives),
        negatives,
        seed,
        from,
        to,
        negativesBy,
        novelOnly,
        hardNegatives);
  }

  @Override
  public Integer call() {
    RecsysConfig config = root.config();
    KafkaConnection kafka = Connections.kafka(config);
    Topics topics = Topics.named(config.topics());
    LabelPolicy labels = labels();
    AnnIndex ann = index == null ? null : AnnIndex.load(index);
    ItemVectors embeddings = ann == null ? ItemVectors.NONE : vectors(ann);
    NearestItems nearest = ann == null ? NearestItems.NONE : nearest(ann);
    ReplayJob job = new ReplayJob(
        kafka,
        topics,
        FeatureSet.CORE_V1,
        config.intake(),
        labels,
        warmUp,
        out,
        embeddings,
        nearest);
    long total = TopicCounts.records(kafka, topics.events().name());
    ReplayJob.Result result;
    try (Progress progress = Progress.of("replay", total, " events", 1)) {
      result = job.run(progress::stepTo);
      progress.complete();
    }
    print(result, System.out);
    config.refusalLimit().check("replay", result.summary());
    return 0;
  }

  /** The index's vectors, each copied out of it once: replay asks for the same ones often. */
  static ItemVectors vectors(AnnIndex index) {
    Map<String, Optional<float[]>> cache = new HashMap<>();
    return itemId -> cache.computeIfAbsent(itemId, index::vector).orElse(null);
  }

  /** The index's search, as the ANN candidate source runs it (default width, no filter). */
  static NearestItems nearest(AnnIndex index) {
    return (vector, n) -> index.search(vector, n, ItemFilter.ALL).items().stream()
        .map(ScoredItem::itemId)
        .toList();
  }

  static void print(ReplayJob.Result result, PrintStream out) {
    ReplaySummary s = result.summary();
    double seconds = Math.max(result.took().toMillis(), 1) / 1000.0;
    out.printf(
        "replayed %,d events in %.1f s (%,.0f events/s): %s%n",
        s.eventsRead(), seconds, s.eventsRead() / seconds, s.intakeLine());
    out.printf(
        "wrote %,d rows (%,d positives, %,d negatives%s) for %,d users and %,d items%n",
        s.rows(),
        s.positives(),
        s.negatives(),
        s.fromImpressions() ? ", from impressions" : ", sampled",
        s.users(),
        s.items());
    out.printf("training set fingerprint %s%n", result.manifest().fingerprint());
  }
}
