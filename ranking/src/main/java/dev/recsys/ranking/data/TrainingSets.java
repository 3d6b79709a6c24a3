package dev.recsys.ranking.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.recsys.ranking.RankingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a training-set directory ({@code training-set.json} + {@code *.parquet}) via DuckDB. */
public final class TrainingSets {
  private static final Logger log = LoggerFactory.getLogger(TrainingSets.class);
  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();
  private static final int FIXED_COLUMNS = 3;

  private TrainingSets() {}

  public static TrainingSetManifest manifest(Path dir) {
    Path file = dir.resolve(TrainingSetManifest.FILE_NAME);
    try {
      return JSON.readValue(file.toFile(), TrainingSetManifest.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new RankingException(
          "cannot read " + file + "; point --train at a directory written"
              + " by replay (it holds training-set.json and *.parquet)",
          e);
    }
  }

  /** Reads every row, ordered by timestamp, with features in the manifest's order. */
  public static TrainingSet read(Path dir) {
    TrainingSetManifest manifest = manifest(dir);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(query(dir, manifest.featureNames()))) {
      TrainingSet set = collect(rs, manifest);
      log.info(
          "Read training set {}: {} rows, {} positives, {} features",
          dir,
          set.rows(),
          set.positives(),
          set.width());
      return set;
    } catch (SQLException e) {
      throw new RankingException(
          "cannot read Parquet rows under " + dir + "; check that the"
              + " files have group_id, timestamp_ms, label and every feature in training-set.json",
          e);
    }
  }

  static String query(Path dir, List<String> features) {
    if (!Files.isDirectory(dir)) {
      throw new RankingException("training set " + dir + " is not a directory");
    }
    String glob = dir.toAbsolutePath().resolve("*.parquet").toString().replace("'", "''");
    String columns = features.stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(", "));
    return "SELECT group_id, timestamp_ms, label, " + columns + " FROM read_parquet('" + glob
        + "') ORDER BY timestamp_ms, group_id";
  }

  private static TrainingSet collect(ResultSet rs, TrainingSetManifest manifest)
      throws SQLException {
    int rows = Math.toIntExact(manifest.rows());
    int width = manifest.featureNames().size();
    float[] features = new float[rows * width];
    int[] labels = new int[rows];
    int[] groups = new int[rows];
    long[] timestamps = new long[rows];
    Map<String, Integer> groupIds = new HashMap<>();
    int row = 0;
    long nulls = 0;
    while (rs.next()) {
      if (row == rows) {
        throw mismatch(manifest, "more");
      }
      groups[row] = groupIds.computeIfAbsent(rs.getString(1), g -> groupIds.size());
      timestamps[row] = rs.getLong(2);
      labels[row] = label(rs.getInt(3), row);
      for (int f = 0; f < width; f++) {
        features[row * width + f] = (float) rs.getDouble(FIXED_COLUMNS + 1 + f);
        nulls += rs.wasNull() ? 1 : 0;
      }
      row++;
    }
    if (row != rows) {
      throw mismatch(manifest, "fewer (" + row + ")");
    }
    if (nulls > 0) {
      log.warn(
          "Training set {} has {} null feature values; read as 0", manifest.fingerprint(), nulls);
    }
    return new TrainingSet(
        manifest.featureNames(), features, labels, groups, timestamps, manifest.fingerprint());
  }

  private static int label(int value, int row) {
    if (value != 0 && value != 1) {
      throw new RankingException("label must be 0 or 1 but row " + row + " has " + value
          + "; fix the replay job that wrote this training set");
    }
    return value;
  }

  private static RankingException mismatch(TrainingSetManifest manifest, String what) {
    return new RankingException("training-set.json says " + manifest.rows() + " rows but the"
        + " Parquet files hold " + what + " rows; the directory is incomplete or mixed: write it"
        + " again with replay");
  }
}
