package dev.recsys.ranking.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.ranking.SyntheticTrainingSets;
import dev.recsys.ranking.data.TimeSplit;
import dev.recsys.ranking.data.TrainingSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RankerTrainerTest {
  private static final Logger log = LoggerFactory.getLogger(RankerTrainerTest.class);
  private static final TrainingSet SET = SyntheticTrainingSets.generate(1500, 10, 42L);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-06-01T00:00:01Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void shouldScoreInOnnxRuntimeAsTribuoPredicts(Algorithm algorithm) {
    TimeSplit split = SET.splitByTime(TimeSplit.DEFAULT_HOLDOUT_FRACTION);
    TrainerParams params = TrainerParams.DEFAULT.withAlgorithm(algorithm);
    FittedModel fitted = algorithm.fit(split.train(), params);
    TrainingSet rows = split.holdout();

    float[] onnx = HoldoutEvaluator.score(
        RankerTrainer.with(params, CLOCK).card(SET), fitted.exportOnnx(), rows);

    double maxDiff = 0;
    for (int r = 0; r < rows.rows(); r++) {
      maxDiff = Math.max(maxDiff, Math.abs(onnx[r] - fitted.predict(rows.features(), r)));
    }
    log.info(
        "{}: max |ONNX Runtime - Tribuo| over {} rows = {}", algorithm.id(), rows.rows(), maxDiff);
    assertThat(maxDiff).isLessThan(1e-5);
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void shouldLearnTheSignalAndRecordItInTheCard(Algorithm algorithm) {
    List<TrainingStage> stages = new ArrayList<>();

    TrainedRanker ranker = RankerTrainer.with(TrainerParams.DEFAULT.withAlgorithm(algorithm), CLOCK)
        .train(SET, stages::add);

    log.info("{}: {} in {} ms", algorithm.id(), ranker.metrics(), ranker.took().toMillis());
    assertThat(stages).containsExactly(TrainingStage.values());
    assertThat(ranker.metrics().auc()).isGreaterThan(0.7);
    assertThat(ranker.metrics().ndcgAt10()).isGreaterThan(0.5);
    assertThat(ranker.metrics().holdoutRows()).isEqualTo(3000);
    assertThat(ranker.card().featureNames()).isEqualTo(SyntheticTrainingSets.FEATURES);
    assertThat(ranker.card().algorithm()).isEqualTo(algorithm.id());
    assertThat(ranker.card().trainingSetFingerprint()).isEqualTo(SyntheticTrainingSets.FINGERPRINT);
    assertThat(ranker.card().metrics()).containsKeys("auc", "ndcg_at_10");
    assertThat(ranker.card().createdAt()).isEqualTo(CLOCK.instant());
  }

  @Test
  void shouldBeatAShuffledFeatureBaseline() {
    float[] shuffled = SET.features().clone();
    Random rnd = new Random(1);
    int w = SET.width();
    for (int r = 0; r < SET.rows(); r++) {
      int other = rnd.nextInt(SET.rows());
      for (int f = 0; f < w; f++) {
        float t = shuffled[r * w + f];
        shuffled[r * w + f] = shuffled[other * w + f];
        shuffled[other * w + f] = t;
      }
    }
    TrainingSet noise = new TrainingSet(
        SET.featureNames(),
        shuffled,
        SET.labels(),
        SET.groups(),
        SET.timestamps(),
        SET.fingerprint());
    TrainerParams params = TrainerParams.DEFAULT;

    double signal = RankerTrainer.with(params, CLOCK)
        .train(SET, TrainingListener.NONE)
        .metrics()
        .auc();
    double none = RankerTrainer.with(params, CLOCK)
        .train(noise, TrainingListener.NONE)
        .metrics()
        .auc();

    assertThat(signal).isGreaterThan(none + 0.1);
  }
}
