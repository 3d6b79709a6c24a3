package dev.recsys.ranking;

import dev.recsys.ranking.data.TrainingSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Seeded training sets with a learnable signal: raw, skewed features whose log scale carries the
 * signal, plus one interaction (a category match boosts affinity), as replay would write them.
 */
public final class SyntheticTrainingSets {
  public static final List<String> FEATURES = List.of(
      "user_click_24h",
      "secs_since_last_event",
      "item_views_7d",
      "item_ctr_7d",
      "item_price",
      "user_item_affinity",
      "category_match",
      "noise");
  public static final long START_MS = 1_622_505_601_000L; // 2021-06-01T00:00:01Z
  public static final String FINGERPRINT = "5eed0001";

  private SyntheticTrainingSets() {}

  public static TrainingSet generate(int groups, int perGroup, long seed) {
    Random rnd = new Random(seed);
    int rows = groups * perGroup;
    int w = FEATURES.size();
    float[] x = new float[rows * w];
    int[] labels = new int[rows];
    int[] groupIds = new int[rows];
    long[] timestamps = new long[rows];
    for (int g = 0; g < groups; g++) {
      float clicks = (float) Math.floor(Math.exp(rnd.nextGaussian() + 1));
      float secs = (float) Math.exp(rnd.nextGaussian() * 2 + 8);
      for (int c = 0; c < perGroup; c++) {
        int r = g * perGroup + c;
        float[] f = {
          clicks,
          secs,
          (float) Math.floor(Math.exp(rnd.nextGaussian() * 2 + 7)),
          (float) (rnd.nextDouble() * 0.3),
          (float) Math.exp(rnd.nextGaussian() + 3),
          (float) (rnd.nextDouble() * rnd.nextDouble() * 50),
          rnd.nextDouble() < 0.3 ? 1f : 0f,
          (float) rnd.nextGaussian()
        };
        System.arraycopy(f, 0, x, r * w, w);
        double logit = -2.5
            + 0.4 * Math.log1p(clicks)
            - 0.15 * Math.log1p(secs)
            + 0.15 * Math.log1p(f[2])
            + 6 * f[3]
            + 0.5 * f[6] * Math.log1p(f[5])
            + 0.3 * Math.log1p(f[5])
            - 0.2 * Math.log1p(f[4]);
        labels[r] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        groupIds[r] = g;
        timestamps[r] = START_MS + g * 60_000L;
      }
    }
    return new TrainingSet(FEATURES, x, labels, groupIds, timestamps, FINGERPRINT);
  }

  /** Writes {@code set} as replay would: two Parquet files and {@code training-set.json}. */
  public static Path write(TrainingSet set, Path dir) {
    try {
      Files.createDirectories(dir);
      Path csv = Files.createTempFile("training-set", ".csv");
      writeCsv(set, csv);
      toParquet(set, csv, dir);
      Files.delete(csv);
      Files.writeString(dir.resolve("training-set.json"), manifest(set));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeCsv(TrainingSet set, Path csv) throws IOException {
    int w = set.width();
    try (Writer out = Files.newBufferedWriter(csv)) {
      for (int r = 0; r < set.rows(); r++) {
        out.write("g" + set.groups()[r] + ",u" + set.groups()[r] % 97 + ",i" + r % 501 + ","
            + set.timestamps()[r] + "," + set.labels()[r]);
        for (int f = 0; f < w; f++) {
          out.write("," + set.features()[r * w + f]);
        }
        out.write('\n');
      }
    }
  }

  private static void toParquet(TrainingSet set, Path csv, Path dir) throws SQLException {
    String columns =
        set.featureNames().stream().map(f -> f + " DOUBLE").collect(Collectors.joining(", "));
    long middle = set.timestamps()[set.rows() / 2];
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute("CREATE TABLE t (group_id VARCHAR, user_id VARCHAR, item_id VARCHAR,"
          + " timestamp_ms BIGINT, label INTEGER, " + columns + ")");
      st.execute("COPY t FROM '" + csv + "' (HEADER false)");
      st.execute("COPY (SELECT * FROM t WHERE timestamp_ms < " + middle + ") TO '"
          + dir.resolve("part-0.parquet") + "' (FORMAT PARQUET)");
      st.execute("COPY (SELECT * FROM t WHERE timestamp_ms >= " + middle + ") TO '"
          + dir.resolve("part-1.parquet") + "' (FORMAT PARQUET)");
    }
  }

  private static String manifest(TrainingSet set) {
    String names =
        set.featureNames().stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    long positives = set.positives();
    return "{\"feature_names\": [" + names + "], \"rows\": " + set.rows() + ", \"positives\": "
        + positives + ", \"negatives\": " + (set.rows() - positives) + ", \"fingerprint\": \""
        + set.fingerprint() + "\", \"from\": \"2021-06-01T00:00:01Z\", \"to\": "
        + "\"2021-06-03T00:00:00Z\"}";
  }
}
