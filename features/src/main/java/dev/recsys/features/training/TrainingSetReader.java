package dev.recsys.features.training;

import dev.recsys.features.parquet.DuckDb;
import dev.recsys.features.parquet.ParquetException;
import dev.recsys.features.replay.TrainingRow;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a training set's rows back, in file order, with the features its manifest names. */
public final class TrainingSetReader {
  private TrainingSetReader() {}

  public static List<TrainingRow> read(Path dir) {
    TrainingSetManifest manifest = TrainingSetManifest.read(dir);
    List<String> names = manifest.featureNames();
    List<TrainingRow> rows = new ArrayList<>();
    try (DuckDb db = DuckDb.inMemory();
        Statement statement = db.connection().createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM read_parquet("
            + DuckDb.literal(dir.resolve(TrainingSetWriter.DATA_FILE).toString()) + ")")) {
      while (rs.next()) {
        double[] features = new double[names.size()];
        for (int n = 0; n < features.length; n++) {
          features[n] = rs.getDouble(names.get(n));
        }
        rows.add(new TrainingRow(
            rs.getString("group_id"),
            rs.getString("user_id"),
            rs.getString("item_id"),
            rs.getLong("timestamp_ms"),
            rs.getInt("label"),
            features));
      }
    } catch (SQLException e) {
      throw new ParquetException("cannot read the training set in " + dir, e);
    }
    return rows;
  }
}
