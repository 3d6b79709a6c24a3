package dev.recsys.ranking.scoring;

import dev.recsys.ranking.registry.ModelCard;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.ranking.registry.ModelVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Factories for scorers. */
public final class Scorers {
  private Scorers() {}

  /**
   * Loads one model version for a caller that provides {@code callerFeatures} (in its row
   * layout), checking the model's contract first.
   *
   * @throws ModelContractException naming every mismatch and its fix
   */
  public static Scorer onnx(
      ModelVersion model, List<String> callerFeatures, ScorerOptions options) {
    return OnnxScorer.load(model, callerFeatures, options);
  }

  /** Loads the model in {@code modelDir} ({@code model.onnx} + {@code model.json}). */
  public static Scorer onnx(Path modelDir, List<String> callerFeatures, ScorerOptions options) {
    ModelCard card = ModelCard.read(modelDir.resolve(ModelCard.FILE_NAME));
    ModelVersion model =
        new ModelVersion(card.kind(), modelDir.getFileName().toString(), modelDir, card);
    return onnx(model, callerFeatures, options);
  }

  /**
   * Serves whatever version of {@code kind} is promoted, checking the pointer every
   * {@code pollInterval} and swapping models without failing requests in flight.
   */
  public static LiveScorer live(
      ModelRegistry registry,
      String kind,
      List<String> callerFeatures,
      ScorerOptions options,
      Duration pollInterval) {
    return LiveScorer.start(registry, kind, callerFeatures, options, pollInterval);
  }
}
