package dev.recsys.app.cli;

import dev.recsys.app.config.RecsysConfig;
import dev.recsys.app.demo.TopicCounts;
import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.evaluation.pointintime.EvaluationJob;
import dev.recsys.evaluation.pointintime.EvaluationOptions;
import dev.recsys.evaluation.pointintime.PipelineUnderTest;
import dev.recsys.evaluation.pointintime.PointInTimeRecommender;
import dev.recsys.evaluation.pointintime.SplitJob;
import dev.recsys.evaluation.pointintime.StoreBaselines;
import dev.recsys.evaluation.split.SplitMode;
import dev.recsys.evaluation.split.SplitReport;
import dev.recsys.features.definition.EventWeights;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.features.store.OnlineStore;
import dev.recsys.ranking.scoring.ScorerOptions;
import dev.recsys.ranking.scoring.Scorers;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.serving.recommend.RecommendConfig;
import dev.recsys.serving.rerank.RerankRules;
import dev.recsys.serving.rerank.RulesParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code recsys evaluate}: whole recommenders, replayed point in time, side by side. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Whole recommenders replayed point in time, side by side.",
      "--protocol sequential (default): for each interaction in [--from, --to), ask each "
          + "system for its top items as of just before it, with new items only (the user's "
          + "first touch of the item) and with repeats allowed; the baselines are fitted on the "
          + "events before --from and asked on each user's items as they are then.",
      "--protocol split --at T: one top-20 list per user with history before T, as of T, "
          + "scored against everything the user chose from T on, with new items only and "
          + "with repeats allowed, against EASE, iALS, item-kNN, popularity and 30-day "
          + "popularity fitted on the events before T (settings chosen on a validation split "
          + "at the end of that period); NDCG, recall, MAP, hit rate at 10 and 20 with "
          + "standard errors, coverage."
    })
final class EvaluateCommand implements Callable<Integer> {
  /** The two protocols. */
  enum Protocol {
    SEQUENTIAL,
    SPLIT
  }

  private static final Instant OPEN_END = Instant.parse("9999-01-01T00:00:00Z");

  @ParentCommand
  private Recsys root;

  @Option(
      names = "--protocol",
      paramLabel = "NAME",
      description = "sequential or split (default: ${DEFAULT-VALUE}).")
  private Protocol protocol = Protocol.SEQUENTIAL;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      converter = TimeConverters.InstantConverter.class,
      description = "The split moment T (--protocol split).")
  private Instant at;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      converter = TimeConverters.InstantConverter.class,
      description = "Held-out period start (--protocol sequential).")
  private Instant from;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      converter = TimeConverters.InstantConverter.class,
      description = "Events at or after it are not asked about nor scored (default: no end); "
          + "with --protocol split, a validation run inside the training period.")
  private Instant to = OPEN_END;

  @Option(names = "--index", paramLabel = "DIR", description = "ANN index folder (build-index).")
  private Path index;

  @Option(
      names = "--ranker",
      paramLabel = "DIR",
      description = "A ranker version folder (models/ranker/VERSION): with --index, the "
          + "full pipeline (candidates, ranking, rules) is evaluated.")
  private Path ranker;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "The pipeline's re-ranking rules (the serving.rules JSON; default: the "
          + "serving defaults).")
  private Path rules;

  @Option(
      names = "--repeats-rules",
      paramLabel = "FILE",
      description = "The pipeline's rules when repeats are allowed (default: --rules): the "
          + "repeat policy a catalog chose on validation.")
  private Path repeatsRules;

  @Option(
      names = "--repeats-ranker",
      paramLabel = "DIR",
      description = "The pipeline's ranker when repeats are allowed (default: --ranker): one "
          + "trained with repeats labelled too (replay --no-novel-only).")
  private Path repeatsRanker;

  @Option(
      names = "--baselines",
      paramLabel = "all|none",
      description = "Fit every baseline (default) or none, to compare pipeline settings fast.")
  private BaselineChoice baselines = BaselineChoice.ALL;

  /** Whether the baselines are fitted. */
  enum BaselineChoice {
    ALL,
    NONE
  }

  @Option(
      names = "--targets",
      split = ",",
      paramLabel = "TYPE",
      description = "Interaction types to predict (default: ${DEFAULT-VALUE}).")
  private List<EventType> targets = List.of(EventType.VIEW);

  @Option(
      names = "--sample",
      description = "Fraction of interactions asked (sequential; " + "default: 1).")
  private double sample = 1.0;

  @Option(
      names = "--max-requests",
      description = "At most this many per mode (sequential; " + "default: ${DEFAULT-VALUE}).")
  private int maxRequests = EvaluationOptions.DEFAULT_MAX_REQUESTS;

  @Option(names = "--report", paramLabel = "FILE", description = "HTML report to write.")
  private Path report = Path.of("evaluation.html");

  @Override
  public Integer call() {
    RecsysConfig config = root.config();
    if ((index == null) != (ranker == null)) {
      throw new IllegalArgumentException("the pipeline needs both --index and --ranker (or "
          + "neither, for the baselines alone)");
    }
    if (ranker == null && (rules != null || repeatsRules != null || repeatsRanker != null)) {
      throw new IllegalArgumentException("--rules, --repeats-rules and --repeats-ranker are the "
          + "pipeline's; give --index and --ranker too");
    }
    Map<SplitMode, ModePipeline> modePipelines = modePipelines();
    if (protocol == Protocol.SPLIT) {
      return split(config, modePipelines);
    }
    if (from == null) {
      throw new IllegalArgumentException(
          "--protocol sequential needs --from TIME, the start of " + "the held-out period");
    }
    if (at != null) {
      throw new IllegalArgumentException(
          "--at belongs to --protocol split; the sequential " + "protocol takes --from and --to");
    }
    KafkaConnection kafka = Connections.kafka(config);
    Topics topics = Topics.named(config.topics());
    EvaluationOptions options = new EvaluationOptions(
        from,
        to,
        EnumSet.copyOf(targets),
        EventWeights.DEFAULT,
        sample,
        maxRequests,
        42,
        baselineList());
    AnnIndex ann = index == null ? null : AnnIndex.load(index);
    EvaluationJob.Result result;
    try (Progress progress =
        Progress.of("evaluate", TopicCounts.records(kafka, topics.events().name()), " events", 1)) {
      result = new EvaluationJob(kafka, topics, config.intake(), options)
          .run(
              (store, catalog) -> {
                Map<SplitMode, Map<String, PointInTimeRecommender>> systems =
                    new EnumMap<>(SplitMode.class);
                for (SplitMode mode : SplitMode.values()) {
                  Map<String, PointInTimeRecommender> inMode = new LinkedHashMap<>();
                  if (ann != null) {
                    inMode.put("pipeline", modePipelines.get(mode).of(store, catalog, ann));
                    inMode.put(
                        "ann-user", StoreBaselines.annByUser(ann, store, EventWeights.DEFAULT));
                  }
                  inMode.put("trending", StoreBaselines.trending(store));
                  systems.put(mode, inMode);
                }
                return systems;
              },
              System.out::println,
              progress::stepTo);
      progress.complete();
    }
    System.out.println("replay: " + result.replay().intakeLine());
    config.refusalLimit().check("evaluate", result.replay());
    System.out.printf(
        "sequential from %s: %,d held-out interactions (new items), %,d (repeats "
            + "allowed), %.1f s%n",
        from,
        result.modes().get(0).lists(),
        result.modes().get(1).lists(),
        result.took().toMillis() / 1e3);
    result.modes().forEach(mode -> System.out.println(SplitReport.table(mode)));
    List<String> settings = settings(result.settings(), modePipelines);
    settings.forEach(System.out::println);
    SplitReport.writeHtml(
        result.modes(),
        "recsys evaluation, sequential from " + from + (to.isBefore(OPEN_END) ? " to " + to : ""),
        settings,
        report);
    System.out.println("report: " + report.toAbsolutePath());
    return 0;
  }

  private Integer split(RecsysConfig config, Map<SplitMode, ModePipeline> modePipelines) {
    if (at == null) {
      throw new IllegalArgumentException("--protocol split needs --at TIME, the split moment");
    }
    if (from != null) {
      throw new IllegalArgumentException(
          "--from belongs to --protocol sequential; the split " + "protocol takes --at");
    }
    KafkaConnection kafka = Connections.kafka(config);
    Topics topics = Topics.named(config.topics());
    SplitJob.Options options =
        new SplitJob.Options(at, to, EnumSet.copyOf(targets), EventWeights.DEFAULT, baselineList());
    AnnIndex ann = index == null ? null : AnnIndex.load(index);
    long started = System.nanoTime();
    SplitJob job = new SplitJob(kafka, topics, config.intake(), options);
    SplitJob.Replayed replayed;
    try (Progress progress =
        Progress.of("evaluate", TopicCounts.records(kafka, topics.events().name()), " events", 1)) {
      replayed = job.replay(
          ann == null
              ? null
              : (store, catalog) -> {
                Map<SplitMode, PointInTimeRecommender> pipelines = new EnumMap<>(SplitMode.class);
                modePipelines.forEach(
                    (mode, setup) -> pipelines.put(mode, setup.of(store, catalog, ann)));
                return pipelines;
              },
          System.out::println,
          progress::stepTo);
      progress.complete();
    }
    System.out.println("replay: " + replayed.replay().intakeLine());
    config.refusalLimit().check("evaluate", replayed.replay());
    SplitJob.Result result = job.score(replayed, System.out::println);
    System.out.printf(
        "split at %s: %,d training events; baselines fitted and every system "
            + "scored in %.1f s, %.1f s in all%n",
        at,
        result.trainingEvents(),
        result.took().toMillis() / 1e3,
        (System.nanoTime() - started) / 1e9);
    result.modes().forEach(mode -> System.out.println(SplitReport.table(mode)));
    List<String> settings = settings(result.settings(), modePipelines);
    settings.forEach(System.out::println);
    SplitReport.writeHtml(
        result.modes(),
        "recsys evaluation, split at " + at + (to.isBefore(OPEN_END) ? ", events to " + to : ""),
        settings,
        report);
    System.out.println("report: " + report.toAbsolutePath());
    return 0;
  }

  /** One mode's pipeline: its ranker version and its rules (and where they came from). */
  private record ModePipeline(Path ranker, RerankRules rules, String rulesSource) {
    PointInTimeRecommender of(OnlineStore store, Map<String, ItemUpdate> catalog, AnnIndex ann) {
      return PipelineUnderTest.of(
          RecommendConfig.DEFAULT,
          store,
          catalog,
          ann,
          Scorers.onnx(ranker, PairFeatures.NAMES, ScorerOptions.DEFAULT),
          rules);
    }

    String describe() {
      return "ranker " + ranker.getFileName() + ", rules " + rules.names() + " (" + rulesSource
          + ")";
    }
  }

  private List<dev.recsys.evaluation.baselines.Baseline<?>> baselineList() {
    return baselines == BaselineChoice.ALL
        ? dev.recsys.evaluation.baselines.Baselines.all()
        : List.of();
  }

  /**
   * Each mode's pipeline: --ranker and --rules, and for repeats allowed --repeats-ranker and
   * --repeats-rules where given.
   */
  private Map<SplitMode, ModePipeline> modePipelines() {
    Map<SplitMode, ModePipeline> out = new EnumMap<>(SplitMode.class);
    if (ranker == null) {
      return out;
    }
    RerankRules base = rules == null ? RerankRules.DEFAULT : read(rules);
    out.put(SplitMode.NEW_ITEMS, new ModePipeline(ranker, base, source(rules)));
    out.put(
        SplitMode.REPEATS,
        new ModePipeline(
            repeatsRanker == null ? ranker : repeatsRanker,
            repeatsRules == null ? base : read(repeatsRules),
            source(repeatsRules == null ? rules : repeatsRules)));
    return out;
  }

  private static RerankRules read(Path file) {
    try {
      return RulesParser.parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the rules file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private List<String> settings(
      List<String> baselineSettings, Map<SplitMode, ModePipeline> modePipelines) {
    List<String> out = new java.util.ArrayList<>();
    if (!modePipelines.isEmpty()) {
      out.add("pipeline: new items " + modePipelines.get(SplitMode.NEW_ITEMS).describe()
          + "; repeats allowed " + modePipelines.get(SplitMode.REPEATS).describe());
    }
    out.addAll(baselineSettings);
    return out;
  }

  private static String source(Path file) {
    return file == null ? "defaults" : file.toString();
  }
}
