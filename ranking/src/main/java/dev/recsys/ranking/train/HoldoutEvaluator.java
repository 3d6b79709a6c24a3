package dev.recsys.ranking.train;

import dev.recsys.ranking.RankingException;
import dev.recsys.ranking.data.TimeSplit;
import dev.recsys.ranking.data.TrainingSet;
import dev.recsys.ranking.registry.ModelCard;
import dev.recsys.ranking.registry.ModelVersion;
import dev.recsys.ranking.scoring.FeatureMatrix;
import dev.recsys.ranking.scoring.Scorer;
import dev.recsys.ranking.scoring.ScorerOptions;
import dev.recsys.ranking.scoring.Scorers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scores the holdout with the exported graph through the production scorer. */
final class HoldoutEvaluator {
  private HoldoutEvaluator() {}

  static HoldoutMetrics evaluate(ModelCard card, byte[] onnx, TimeSplit split) {
    TrainingSet holdout = split.holdout();
    float[] scores = score(card, onnx, holdout);
    return new HoldoutMetrics(
        RankingMetrics.auc(scores, holdout.labels()),
        RankingMetrics.meanNdcg(
            scores, holdout.labels(), holdout.groups(), HoldoutMetrics.NDCG_CUTOFF),
        split.train().rows(),
        holdout.rows(),
        RankingMetrics.groupsWithPositives(holdout.labels(), holdout.groups()));
  }

  static float[] score(ModelCard card, byte[] onnx, TrainingSet rows) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("recsys-ranker-eval");
      Files.write(dir.resolve(ModelVersion.MODEL_FILE), onnx);
      card.write(dir.resolve(ModelCard.FILE_NAME));
      ModelVersion candidate = new ModelVersion(card.kind(), "holdout-evaluation", dir, card);
      try (Scorer scorer = Scorers.onnx(candidate, rows.featureNames(), ScorerOptions.DEFAULT)) {
        return scorer.score(new FeatureMatrix(rows.featureNames(), rows.rows(), rows.features()));
      }
    } catch (IOException e) {
      throw new RankingException(
          "cannot stage the exported model for evaluation; check the"
              + " temp directory (java.io.tmpdir) is writable",
          e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      Files.deleteIfExists(dir.resolve(ModelVersion.MODEL_FILE));
      Files.deleteIfExists(dir.resolve(ModelCard.FILE_NAME));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // best effort: a leftover temp folder is harmless
    }
  }
}
