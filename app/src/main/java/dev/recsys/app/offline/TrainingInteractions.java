package dev.recsys.app.offline;

import dev.recsys.candidates.embeddings.Interaction;
import dev.recsys.features.definition.EventWeights;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.replay.ReplayEngine;
import dev.recsys.features.replay.ReplaySummary;
import dev.recsys.features.source.TopicReader;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The interactions embeddings are trained on: the events the stream accepted (same intake rules,
 * read back by replay) before a cut-off, weighted by type.
 */
public final class TrainingInteractions {
  private TrainingInteractions() {}

  /** The interactions, and how the intake judged the events they came from. */
  public record Read(List<Interaction> interactions, ReplaySummary replay) {}

  public static Read read(
      KafkaConnection kafka,
      Topics topics,
      IntakePolicy intake,
      Instant until,
      EventWeights weights,
      LongConsumer progress) {
    List<Interaction> interactions = new ArrayList<>();
    long cutOff = until.equals(Instant.MAX) ? Long.MAX_VALUE : until.toEpochMilli();
    try (TopicReader reader = new TopicReader(kafka)) {
      ReplaySummary replay = new ReplayEngine(
              intake, LabelPolicy.NONE, reader.catalog(topics.items().name()))
          .listen((time, events, states) -> {
            if (time < cutOff) {
              events.forEach(e -> add(e, weights, interactions));
            }
          })
          .run(
              reader.partitions(topics.events().name(), Instant.EPOCH),
              Collections.emptyIterator(),
              row -> {},
              progress);
      return new Read(interactions, replay);
    }
  }

  private static void add(UserEvent event, EventWeights weights, List<Interaction> out) {
    float weight = weights.of(event.getType());
    if (weight > 0) {
      out.add(new Interaction(event.getUserId(), event.getItemId(), weight));
    }
  }
}
