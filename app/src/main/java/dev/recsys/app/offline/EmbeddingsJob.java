package dev.recsys.app.offline;

import dev.recsys.candidates.embeddings.AlsParams;
import dev.recsys.candidates.embeddings.EmbeddingsArtifact;
import dev.recsys.candidates.embeddings.EmbeddingsTraining;
import dev.recsys.candidates.embeddings.Interaction;
import dev.recsys.candidates.embeddings.TrainingListener;
import dev.recsys.features.definition.EventWeights;
import dev.recsys.features.replay.RefusalLimit;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code train-embeddings} without the console: the accepted events before {@code until}, read
 * back through replay and weighted by type, trained with iALS and registered as
 * {@code models/embeddings/{version}/}, the version being the training time.
 */
public final class EmbeddingsJob {
  static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private EmbeddingsJob() {}

  /** What was trained from how many interactions, and where it was registered. */
  public record Result(EmbeddingsTraining.Trained trained, int interactions, Path dir) {}

  /**
   * Both steps, for callers that show no progress between them; fails with {@link
   * dev.recsys.features.replay.TooManyRefusedException} when over {@code limit}.
   */
  public static Result run(
      KafkaConnection kafka,
      Topics topics,
      RefusalLimit limit,
      Instant until,
      EventWeights weights,
      AlsParams params,
      Path modelsRoot,
      Clock clock) {
    TrainingInteractions.Read read =
        TrainingInteractions.read(kafka, topics, limit.intake(), until, weights, events -> {});
    limit.check("train-embeddings", read.replay());
    return train(read.interactions(), params, modelsRoot, clock, TrainingListener.NONE);
  }

  /** Trains on {@code interactions} (see {@link TrainingInteractions#read}) and registers. */
  public static Result train(
      List<Interaction> interactions,
      AlsParams params,
      Path modelsRoot,
      Clock clock,
      TrainingListener passes) {
    EmbeddingsTraining.Trained trained = EmbeddingsTraining.run(
        interactions, params, VERSION.format(clock.instant()), passes, clock);
    Path dir = EmbeddingsArtifact.write(modelsRoot, trained.info(), trained.embeddings());
    return new Result(trained, interactions.size(), dir);
  }
}
