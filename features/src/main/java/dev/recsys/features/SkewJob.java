package dev.recsys.features;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.replay.ReplayEngine;
import dev.recsys.features.skew.SkewCheck;
import dev.recsys.features.skew.SkewReport;
import dev.recsys.features.source.TopicReader;
import dev.recsys.features.store.OnlineStore;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import java.time.Instant;
import java.util.Collections;
import java.util.function.LongConsumer;

/**
 * {@code recsys skew}: replays every event up to the topic's current end and compares the state
 * it reaches with the online store. Run it when the pipeline has caught up (lag 0), so that
 * both have seen the same events.
 */
public record SkewJob(KafkaConnection kafka, Topics topics, IntakePolicy intake, double tolerance) {
  public SkewJob {
    requireNonNull(kafka, "kafka");
    requireNonNull(topics, "topics");
    requireNonNull(intake, "intake");
  }

  public SkewReport run(OnlineStore online, LongConsumer progress) {
    try (TopicReader reader = new TopicReader(kafka)) {
      ReplayEngine engine = new ReplayEngine(
          intake, LabelPolicy.NONE, reader.catalog(topics.items().name()));
      engine.run(
          reader.partitions(topics.events().name(), Instant.EPOCH),
          Collections.emptyIterator(),
          row -> {},
          progress);
      return new SkewCheck(online, tolerance).compare(engine.states());
    }
  }
}
