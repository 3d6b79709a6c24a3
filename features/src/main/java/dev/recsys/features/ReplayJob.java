package dev.recsys.features;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.pair.ItemVectors;
import dev.recsys.features.pair.NearestItems;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.replay.ReplayEngine;
import dev.recsys.features.replay.ReplaySummary;
import dev.recsys.features.source.TopicReader;
import dev.recsys.features.training.TrainingSetManifest;
import dev.recsys.features.training.TrainingSetWriter;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.Impression;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * {@code recsys replay}: reads the topics back and writes a point-in-time training set. History
 * before {@code labels.from()} is replayed too (all of it, or the warm-up), so windows and decayed
 * scores start from where the stream had them; only moments inside the range are labelled.
 *
 * @param warmUp how much history before {@code from} to replay, or null for all of it
 * @param embeddings the item vectors for the taste similarity: those of an index trained on
 *     events before {@code labels.from()}, or {@link ItemVectors#NONE}
 * @param nearest the nearest items in that index, for {@code labels.hardNegatives()}
 */
public record ReplayJob(
    KafkaConnection kafka,
    Topics topics,
    FeatureSet featureSet,
    IntakePolicy intake,
    LabelPolicy labels,
    Duration warmUp,
    Path out,
    ItemVectors embeddings,
    NearestItems nearest) {

  /** A replay without embeddings: every taste similarity is 0. */
  public ReplayJob(
      KafkaConnection kafka,
      Topics topics,
      FeatureSet featureSet,
      IntakePolicy intake,
      LabelPolicy labels,
      Duration warmUp,
      Path out) {
    this(
        kafka,
        topics,
        featureSet,
        intake,
        labels,
        warmUp,
        out,
        ItemVectors.NONE,
        NearestItems.NONE);
  }

  public ReplayJob {
    requireNonNull(kafka, "kafka");
    requireNonNull(topics, "topics");
    requireNonNull(featureSet, "featureSet");
    requireNonNull(intake, "intake");
    requireNonNull(labels, "labels");
    requireNonNull(out, "out");
    requireNonNull(embeddings, "embeddings");
    requireNonNull(nearest, "nearest");
    if (labels.hardNegatives() > 0 && nearest == NearestItems.NONE) {
      throw new IllegalArgumentException("replay.hard-negatives needs an index to find the items"
          + " nearest each user's taste; pass --index (one trained before --from)");
    }
  }

  /** What a replay did and wrote. */
  public record Result(ReplaySummary summary, TrainingSetManifest manifest, Duration took) {}

  public Result run(LongConsumer progress) {
    long started = System.nanoTime();
    Instant since = warmUp == null || labels.from().equals(Instant.EPOCH)
        ? Instant.EPOCH
        : labels.from().minus(warmUp);
    try (TopicReader reader = new TopicReader(kafka);
        TrainingSetWriter writer = TrainingSetWriter.create(out)) {
      List<Impression> impressions =
          reader.impressions(topics.impressions().name(), labels.from()).stream()
              .filter(
                  i -> labels.to().equals(Instant.MAX) || i.getTimestamp().isBefore(labels.to()))
              .toList();
      ReplayEngine engine = new ReplayEngine(
          intake, labels, reader.catalog(topics.items().name()), embeddings, nearest);
      ReplaySummary summary = engine.run(
          reader.partitions(topics.events().name(), since),
          impressions.iterator(),
          writer,
          progress);
      TrainingSetManifest manifest =
          writer.finish(labels.from(), labels.to(), "replay", featureSet.namespace());
      return new Result(summary, manifest, Duration.ofNanos(System.nanoTime() - started));
    }
  }
}
