package dev.recsys.benchmarks.ranking;

import dev.recsys.ranking.data.TrainingSet;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.ranking.registry.ModelVersion;
import dev.recsys.ranking.scoring.FeatureMatrix;
import dev.recsys.ranking.scoring.Scorer;
import dev.recsys.ranking.scoring.ScorerOptions;
import dev.recsys.ranking.scoring.Scorers;
import dev.recsys.ranking.train.RankerTrainer;
import dev.recsys.ranking.train.TrainedRanker;
import dev.recsys.ranking.train.TrainerParams;
import dev.recsys.ranking.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request's ranking cost: score N candidates in one ONNX Runtime run with a ranker trained
 * like the default one (factorization machine, 8 raw features, transform inside the graph).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmark {
  private static final List<String> FEATURES = List.of(
      "user_click_24h",
      "secs_since_last_event",
      "item_views_7d",
      "item_ctr_7d",
      "item_price",
      "user_item_affinity",
      "category_match",
      "noise");

  @Param({"100", "500"})
  public int candidates;

  private Path root;
  private Scorer scorer;
  private FeatureMatrix matrix;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    TrainingSet set = syntheticSet(2000, 10, 42L);
    TrainedRanker ranker =
        RankerTrainer.with(TrainerParams.DEFAULT).train(set, TrainingListener.NONE);
    root = Files.createTempDirectory("scoring-benchmark");
    ModelVersion version = ModelRegistry.at(root).register(ranker.card(), ranker.onnx());
    scorer = Scorers.onnx(version, FEATURES, ScorerOptions.DEFAULT);
    float[] values = Arrays.copyOf(set.features(), candidates * FEATURES.size());
    matrix = new FeatureMatrix(FEATURES, candidates, values);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    scorer.close();
    try (var files = Files.walk(root)) {
      files
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public float[] scoreBatch() {
    return scorer.score(matrix);
  }

  /** Seeded rows shaped like replay's: skewed raw counts, rates, a binary match, noise. */
  static TrainingSet syntheticSet(int groups, int perGroup, long seed) {
    Random rnd = new Random(seed);
    int rows = groups * perGroup;
    int w = FEATURES.size();
    float[] x = new float[rows * w];
    int[] labels = new int[rows];
    int[] groupIds = new int[rows];
    long[] timestamps = new long[rows];
    for (int r = 0; r < rows; r++) {
      float[] f = {
        (float) Math.floor(Math.exp(rnd.nextGaussian() + 1)),
        (float) Math.exp(rnd.nextGaussian() * 2 + 8),
        (float) Math.floor(Math.exp(rnd.nextGaussian() * 2 + 7)),
        (float) (rnd.nextDouble() * 0.3),
        (float) Math.exp(rnd.nextGaussian() + 3),
        (float) (rnd.nextDouble() * 50),
        rnd.nextDouble() < 0.3 ? 1f : 0f,
        (float) rnd.nextGaussian()
      };
      System.arraycopy(f, 0, x, r * w, w);
      double logit = -2.5
          + 0.4 * Math.log1p(f[0])
          - 0.15 * Math.log1p(f[1])
          + 6 * f[3]
          + 0.5 * f[6] * Math.log1p(f[5])
          + 0.3 * Math.log1p(f[5]);
      labels[r] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
      groupIds[r] = r / perGroup;
      timestamps[r] = 1_622_505_601_000L + groupIds[r] * 60_000L;
    }
    return new TrainingSet(FEATURES, x, labels, groupIds, timestamps, "benchmark");
  }
}
