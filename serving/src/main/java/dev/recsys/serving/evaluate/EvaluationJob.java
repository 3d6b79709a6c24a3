package dev.recsys.serving.evaluate;

import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.replay.ReplayEngine;
import dev.recsys.features.replay.ReplaySummary;
import dev.recsys.features.replay.ReplayedOnlineStore;
import dev.recsys.features.source.TopicReader;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

/**
 * Replays the events topic once; at each held-out interaction, asks every system for its top
 * items as of just before that moment (the replay's states then are exactly what the online store
 * held), and scores the answer against the item the user actually chose.
 */
public final class EvaluationJob {
  private final String bootstrapServers;
  private final Topics topics;
  private final IntakePolicy intake;
  private final EvaluationOptions options;

  public EvaluationJob(String bootstrapServers, Topics topics, IntakePolicy intake,
      EvaluationOptions options) {
    this.bootstrapServers = bootstrapServers;
    this.topics = topics;
    this.intake = intake;
    this.options = options;
  }

  /** What the systems scored, and how the intake judged the replayed events. */
  public record Result(Map<String, List<Figures>> systems, long requests,
      int catalogSize, ReplaySummary replay, Duration took) {}

  /**
   * @param systems builds the systems under test over the replayed store and catalog; they are
   *     asked in map order
   */
  public Result run(BiFunction<ReplayedOnlineStore, Map<String, ItemUpdate>,
      Map<String, PointInTimeRecommender>> systems, LongConsumer progress) {
    long started = System.nanoTime();
    try (TopicReader reader = new TopicReader(bootstrapServers)) {
      Map<String, ItemUpdate> catalog = reader.catalog(topics.items().name());
      ReplayEngine engine = new ReplayEngine(intake, LabelPolicy.NONE, catalog);
      Map<String, PointInTimeRecommender> under =
          systems.apply(new ReplayedOnlineStore(engine.states()), catalog);
      Map<String, Scoreboard> boards = new LinkedHashMap<>();
      under.keySet().forEach(name -> boards.put(name, new Scoreboard(EvaluationOptions.CUTOFFS)));
      Set<String> touched = new HashSet<>();
      engine.listen((time, events, states) -> {
        for (UserEvent e : events) {
          if (heldOut(e, time, touched) && boards.values().iterator().next().requests()
              < options.maxRequests()) {
            under.forEach((name, system) -> boards.get(name).add(system.recommend(e.getUserId(),
                time, EvaluationOptions.MAX_K), e.getItemId()));
          }
        }
        events.forEach(e -> touched.add(pair(e)));
      });
      ReplaySummary replay = engine.run(reader.partitions(topics.events().name(), Instant.EPOCH),
          Collections.emptyIterator(), row -> { }, progress);
      Map<String, List<Figures>> results = new LinkedHashMap<>();
      int catalogSize = Math.max(catalog.size(), engine.states().itemCount());
      boards.forEach((name, board) -> {
        List<Figures> metrics = new ArrayList<>();
        for (int c = 0; c < EvaluationOptions.CUTOFFS.length; c++) {
          metrics.add(board.at(c, catalogSize));
        }
        results.put(name, metrics);
      });
      long requests = boards.isEmpty() ? 0 : boards.values().iterator().next().requests();
      return new Result(results, requests, catalogSize, replay,
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private boolean heldOut(UserEvent e, long time, Set<String> touched) {
    return time >= options.from().toEpochMilli() && time < options.to().toEpochMilli()
        && options.targets().contains(e.getType()) && !touched.contains(pair(e))
        && options.sampled(e.getEventId());
  }

  private static String pair(UserEvent e) {
    return e.getUserId() + '\u0000' + e.getItemId();
  }
}
