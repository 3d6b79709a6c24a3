package dev.recsys.serving.recommend;

import dev.recsys.candidates.source.Candidate;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.pair.ItemVectors;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.ranking.scoring.FeatureMatrix;
import dev.recsys.ranking.scoring.ModelNotLoadedException;
import dev.recsys.ranking.scoring.Scorer;
import dev.recsys.serving.catalog.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one {@link PairFeatures} row per candidate at request time (exactly as replay builds
 * training rows) and scores them all in one batch. Missing vectors count as unseen entities.
 */
final class RankingStage {
  private static final Logger log = LoggerFactory.getLogger(RankingStage.class);
  private final Scorer scorer;
  private final Catalog catalog;
  private final ItemSides itemSides = new ItemSides();
  private volatile String lastFailure = "";

  RankingStage(Scorer scorer, Catalog catalog) {
    this.scorer = scorer;
    this.catalog = catalog;
  }

  /**
   * Rows of input features, row-major, {@code PairFeatures.NAMES.size()} per candidate.
   *
   * @param vectors the served index's item vectors, for the taste similarity
   */
  double[][] rows(
      List<Candidate> candidates,
      Optional<FeatureVector> user,
      Map<String, FeatureVector> items,
      ItemVectors vectors,
      long now) {
    double[][] rows = new double[candidates.size()][];
    PairFeatures.Side userSide = PairFeatures.Side.user(user.orElse(null)).withTaste(vectors);
    for (int i = 0; i < rows.length; i++) {
      String id = candidates.get(i).itemId();
      rows[i] = PairFeatures.of(
          userSide,
          itemSides.of(id, items.get(id)),
          catalog.category(id).orElse(null),
          vectors.vector(id),
          now);
    }
    return rows;
  }

  /** The model's scores, or empty when it cannot score (no model, failure): candidate order. */
  Optional<float[]> score(double[][] rows) {
    int width = PairFeatures.NAMES.size();
    float[] values = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < width; j++) {
        values[i * width + j] = (float) rows[i][j];
      }
    }
    try {
      return Optional.of(scorer.score(new FeatureMatrix(PairFeatures.NAMES, rows.length, values)));
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (!message.equals(lastFailure)) {
        lastFailure = message;
        if (e instanceof ModelNotLoadedException) {
          log.warn("serving candidate order: {}", message);
        } else {
          log.warn("ranking failed, serving candidate order (logged once per reason)", e);
        }
      }
      return Optional.empty();
    }
  }

  String modelVersion() {
    return scorer.modelVersion();
  }
}
