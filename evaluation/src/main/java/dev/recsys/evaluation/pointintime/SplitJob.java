package dev.recsys.evaluation.pointintime;

import static java.util.Objects.requireNonNull;

import dev.recsys.evaluation.baselines.Baseline;
import dev.recsys.evaluation.baselines.BaselineSuite;
import dev.recsys.evaluation.split.Observation;
import dev.recsys.evaluation.split.SplitEvaluation;
import dev.recsys.evaluation.split.SplitMode;
import dev.recsys.evaluation.split.SplitRecommender;
import dev.recsys.evaluation.split.TemporalSplit;
import dev.recsys.features.definition.EventWeights;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.replay.ReplayEngine;
import dev.recsys.features.replay.ReplaySummary;
import dev.recsys.features.replay.ReplayedOnlineStore;
import dev.recsys.features.source.TopicReader;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The global temporal split: replays the events topic once; at the split moment asks the
 * pipeline (its store then is exactly what the online store held) for one list per user with
 * history, in both modes; then fits the baselines on the events before the split and scores every
 * system against what each user chose after it.
 */
public final class SplitJob {
  private final KafkaConnection kafka;
  private final Topics topics;
  private final IntakePolicy intake;
  private final Options options;

  /**
   * @param at the split moment T
   * @param to events at or after it are left out (a validation run inside a training period)
   * @param targets the types that count as a user's choice after T
   * @param weights how much each type says before T (types without a weight are history only)
   */
  public record Options(
      Instant at,
      Instant to,
      Set<EventType> targets,
      EventWeights weights,
      List<Baseline<?>> baselines) {
    public Options {
      requireNonNull(at, "--at");
      requireNonNull(to, "--to");
      if (!at.isBefore(to)) {
        throw new IllegalArgumentException("--at (" + at + ") must be before --to (" + to + ")");
      }
      targets = Set.copyOf(targets);
      requireNonNull(weights, "weights");
      baselines = List.copyOf(baselines);
    }
  }

  /** What the replay saw: the accepted events, the pipeline's lists, the intake's judgement. */
  public record Replayed(
      List<Observation> observed,
      Map<SplitMode, Map<String, List<String>>> pipelineLists,
      int catalogSize,
      ReplaySummary replay) {}

  /** The tables per mode, how each system was fitted, and how the intake judged the events. */
  public record Result(
      List<SplitEvaluation.Result> modes,
      List<String> settings,
      ReplaySummary replay,
      long trainingEvents,
      Duration took) {}

  public SplitJob(KafkaConnection kafka, Topics topics, IntakePolicy intake, Options options) {
    this.kafka = kafka;
    this.topics = topics;
    this.intake = intake;
    this.options = options;
  }

  /**
   * @param pipeline builds the pipeline of each mode over the replayed store and catalog, or
   *     null for the baselines alone
   */
  public Replayed replay(
      BiFunction<
              ReplayedOnlineStore, Map<String, ItemUpdate>, Map<SplitMode, PointInTimeRecommender>>
          pipeline,
      Consumer<String> say,
      LongConsumer progress) {
    long at = options.at().toEpochMilli();
    long to = options.to().toEpochMilli();
    List<Observation> observed = new ArrayList<>();
    Map<String, Set<String>> history = new HashMap<>();
    Map<SplitMode, Map<String, List<String>>> pipelineLists = new EnumMap<>(SplitMode.class);
    ReplaySummary replay;
    int catalogSize;
    try (TopicReader reader = new TopicReader(kafka)) {
      Map<String, ItemUpdate> catalog = reader.catalog(topics.items().name());
      ReplayEngine engine = new ReplayEngine(intake, LabelPolicy.NONE, catalog);
      Map<SplitMode, PointInTimeRecommender> system = pipeline == null
          ? null
          : pipeline.apply(new ReplayedOnlineStore(engine.states()), catalog);
      boolean[] asked = {system == null};
      engine.listen((time, events, states) -> {
        if (!asked[0] && time >= at) {
          asked[0] = true;
          askPipeline(system, history, at, pipelineLists, say);
        }
        if (time >= to) {
          return;
        }
        for (UserEvent e : events) {
          observed.add(observation(e));
          if (time < at) {
            history.computeIfAbsent(e.getUserId(), u -> new HashSet<>()).add(e.getItemId());
          }
        }
      });
      replay = engine.run(
          reader.partitions(topics.events().name(), Instant.EPOCH),
          Collections.emptyIterator(),
          row -> {},
          progress);
      if (!asked[0]) {
        throw new IllegalArgumentException("no event at or after --at " + options.at()
            + ": choose a split moment inside the events' time range");
      }
      catalogSize = Math.max(catalog.size(), engine.states().itemCount());
    }
    return new Replayed(observed, pipeline == null ? Map.of() : pipelineLists, catalogSize, replay);
  }

  /** Fits the baselines on the events before the split and scores every system. */
  public Result score(Replayed replayed, Consumer<String> say) {
    long started = System.nanoTime();
    int catalogSize = replayed.catalogSize();
    TemporalSplit split = TemporalSplit.of(replayed.observed(), options.at().toEpochMilli());
    List<SplitMode> modes = List.of(SplitMode.values());
    BaselineSuite.Fitted baselines =
        BaselineSuite.fit(split, modes, options.baselines(), catalogSize, say);
    List<SplitEvaluation.Result> results = new ArrayList<>();
    for (SplitMode mode : modes) {
      Map<String, SplitRecommender> systems = new LinkedHashMap<>();
      if (!replayed.pipelineLists().isEmpty()) {
        Map<String, List<String>> lists = replayed.pipelineLists().get(mode);
        systems.put("pipeline", (user, exclude, k) -> lists.getOrDefault(user, List.of()));
      }
      systems.putAll(baselines.systems(mode));
      results.add(SplitEvaluation.run(split, mode, systems, catalogSize));
    }
    return new Result(
        results,
        baselines.settingLines(),
        replayed.replay(),
        split.training().size(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private static void askPipeline(
      Map<SplitMode, PointInTimeRecommender> system,
      Map<String, Set<String>> history,
      long at,
      Map<SplitMode, Map<String, List<String>>> out,
      Consumer<String> say) {
    long started = System.nanoTime();
    for (SplitMode mode : SplitMode.values()) {
      Map<String, List<String>> lists = new HashMap<>();
      history.forEach((user, items) -> lists.put(
          user, system.get(mode).recommend(user, mode.exclude(items), SplitEvaluation.MAX_K, at)));
      out.put(mode, lists);
    }
    say.accept(String.format(
        "pipeline: asked for %,d users x %d modes as of the split (%.1f s)",
        history.size(),
        SplitMode.values().length,
        Duration.ofNanos(System.nanoTime() - started).toMillis() / 1e3));
  }

  private Observation observation(UserEvent e) {
    return new Observation(
        e.getUserId(),
        e.getItemId(),
        e.getTimestamp().toEpochMilli(),
        options.weights().of(e.getType()),
        options.targets().contains(e.getType()));
  }
}
