package dev.recsys.ranking.train;

import static java.util.Objects.requireNonNull;

import dev.recsys.ranking.registry.ModelCard;
import java.time.Duration;

/** A trained ranker ready for {@code ModelRegistry.register(card, onnx)}. */
public record TrainedRanker(ModelCard card, byte[] onnx, HoldoutMetrics metrics, Duration took) {
  public TrainedRanker {
    requireNonNull(card, "card");
    requireNonNull(onnx, "onnx");
    requireNonNull(metrics, "metrics");
    requireNonNull(took, "took");
  }
}
