package dev.recsys.evaluation.pointintime;

import dev.recsys.evaluation.baselines.BaselineSuite;
import dev.recsys.evaluation.split.MetricBoard;
import dev.recsys.evaluation.split.Observation;
import dev.recsys.evaluation.split.SplitEvaluation;
import dev.recsys.evaluation.split.SplitFigures;
import dev.recsys.evaluation.split.SplitMode;
import dev.recsys.evaluation.split.SplitRecommender;
import dev.recsys.evaluation.split.TemporalSplit;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.replay.ReplayEngine;
import dev.recsys.features.replay.ReplaySummary;
import dev.recsys.features.replay.ReplayedOnlineStore;
import dev.recsys.features.source.TopicReader;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
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
 * The sequential protocol: replays the events topic once; at each held-out interaction asks
 * every system for its top items as of just before that moment (the replay's states then are
 * exactly what the online store held) and scores the list against the item the user chose.
 * Two modes, as in the split protocol: new items (the user's first interaction with the item;
 * everything they touched before is left out of every list) and repeats allowed (every
 * interaction; nothing left out). The baselines are fitted on the events before {@code from},
 * their settings chosen on a validation split at the end of that period, and asked later on each
 * user's items as they are at the moment asked.
 */
public final class EvaluationJob {
  private static final List<SplitMode> MODES = List.of(SplitMode.values());

  private final KafkaConnection kafka;
  private final Topics topics;
  private final IntakePolicy intake;
  private final EvaluationOptions options;

  public EvaluationJob(
      KafkaConnection kafka, Topics topics, IntakePolicy intake, EvaluationOptions options) {
    this.kafka = kafka;
    this.topics = topics;
    this.intake = intake;
    this.options = options;
  }

  /** The tables per mode, how each baseline was fitted, how the intake judged the events. */
  public record Result(
      List<SplitEvaluation.Result> modes,
      List<String> settings,
      ReplaySummary replay,
      Duration took) {}

  /**
   * @param systems builds each mode's systems that read the replayed store and catalog (the
   *     pipeline, its retrieval, its trending list); they come first in the tables, in map order
   */
  public Result run(
      BiFunction<
              ReplayedOnlineStore,
              Map<String, ItemUpdate>,
              Map<SplitMode, Map<String, PointInTimeRecommender>>>
          systems,
      Consumer<String> say,
      LongConsumer progress) {
    long started = System.nanoTime();
    try (TopicReader reader = new TopicReader(kafka)) {
      Map<String, ItemUpdate> catalog = reader.catalog(topics.items().name());
      ReplayEngine engine = new ReplayEngine(intake, LabelPolicy.NONE, catalog);
      Asking asking =
          new Asking(systems.apply(new ReplayedOnlineStore(engine.states()), catalog), say);
      engine.listen((time, events, states) -> asking.at(time, events));
      ReplaySummary replay = engine.run(
          reader.partitions(topics.events().name(), Instant.EPOCH),
          Collections.emptyIterator(),
          row -> {},
          progress);
      int catalogSize = Math.max(catalog.size(), engine.states().itemCount());
      return new Result(
          asking.results(catalogSize),
          asking.settings,
          replay,
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** The state of one run: each user's items so far, the systems, their boards. */
  private final class Asking {
    private final long from = options.from().toEpochMilli();
    private final long to = options.to().toEpochMilli();
    private final Map<SplitMode, Map<String, PointInTimeRecommender>> systems =
        new EnumMap<>(SplitMode.class);
    private final Map<SplitMode, Map<String, MetricBoard>> boards = new EnumMap<>(SplitMode.class);
    private final Map<SplitMode, Integer> asked = new EnumMap<>(SplitMode.class);
    private final Map<String, Set<String>> touched = new HashMap<>();
    private final Map<String, Map<String, Float>> liked = new HashMap<>();
    private final Consumer<String> say;
    private List<Observation> beforeFrom = new ArrayList<>();
    private List<String> settings = List.of();

    Asking(Map<SplitMode, Map<String, PointInTimeRecommender>> stored, Consumer<String> say) {
      this.say = say;
      for (SplitMode mode : MODES) {
        systems.put(mode, new LinkedHashMap<>(stored.getOrDefault(mode, Map.of())));
        asked.put(mode, 0);
      }
    }

    void at(long time, List<UserEvent> events) {
      if (beforeFrom != null && time >= from) {
        fitBaselines();
      }
      for (UserEvent e : events) {
        if (time >= from
            && time < to
            && options.targets().contains(e.getType())
            && options.sampled(e.getEventId())) {
          ask(e, time);
        }
      }
      for (UserEvent e : events) {
        touched.computeIfAbsent(e.getUserId(), u -> new HashSet<>()).add(e.getItemId());
        float weight = options.weights().of(e.getType());
        if (weight > 0) {
          liked
              .computeIfAbsent(e.getUserId(), u -> new HashMap<>())
              .merge(e.getItemId(), weight, Float::sum);
        }
        if (beforeFrom != null) {
          beforeFrom.add(new Observation(
              e.getUserId(),
              e.getItemId(),
              e.getTimestamp().toEpochMilli(),
              weight,
              options.targets().contains(e.getType())));
        }
      }
    }

    private void ask(UserEvent e, long time) {
      Set<String> had = touched.getOrDefault(e.getUserId(), Set.of());
      for (SplitMode mode : MODES) {
        if (asked.get(mode) >= options.maxRequests()
            || mode == SplitMode.NEW_ITEMS && had.contains(e.getItemId())) {
          continue;
        }
        asked.merge(mode, 1, Integer::sum);
        Set<String> exclude = mode.exclude(had);
        Map<String, MetricBoard> board = boards.computeIfAbsent(mode, m -> new LinkedHashMap<>());
        systems.get(mode).forEach((name, system) -> {
          List<String> list = system.recommend(e.getUserId(), exclude, SplitEvaluation.MAX_K, time);
          board
              .computeIfAbsent(name, n -> new MetricBoard(SplitEvaluation.CUTOFFS))
              .add(
                  list.size() > SplitEvaluation.MAX_K
                      ? list.subList(0, SplitEvaluation.MAX_K)
                      : list,
                  Set.of(e.getItemId()));
        });
      }
    }

    private void fitBaselines() {
      List<Observation> training = beforeFrom;
      beforeFrom = null;
      if (options.baselines().isEmpty()) {
        return;
      }
      if (training.isEmpty()) {
        throw new IllegalArgumentException("no events before --from " + options.from()
            + ": the baselines have nothing to be fitted on; choose --from after the first "
            + "event");
      }
      TemporalSplit split = TemporalSplit.of(training, from);
      long window = options.validationWindow(split.start());
      BaselineSuite.Fitted fitted = BaselineSuite.fit(
          split,
          window,
          MODES,
          options.baselines(),
          Math.max(1, split.trainingItems().size()),
          say);
      for (SplitMode mode : MODES) {
        fitted
            .asOf(mode, liked::get)
            .forEach((name, system) -> systems.get(mode).put(name, asOf(system)));
      }
      settings = fitted.settingLines();
    }

    private PointInTimeRecommender asOf(SplitRecommender system) {
      return (userId, exclude, k, time) -> system.recommend(userId, exclude, k);
    }

    List<SplitEvaluation.Result> results(int catalogSize) {
      List<SplitEvaluation.Result> out = new ArrayList<>();
      for (SplitMode mode : MODES) {
        Map<String, List<SplitFigures>> figures = new LinkedHashMap<>();
        boards
            .getOrDefault(mode, Map.of())
            .forEach((name, board) -> figures.put(name, board.figures(catalogSize)));
        out.add(new SplitEvaluation.Result(
            mode, asked.get(mode), "held-out interactions", catalogSize, figures));
      }
      return out;
    }
  }
}
