package dev.recsys.features.training;

import dev.recsys.features.parquet.DuckDb;
import dev.recsys.features.parquet.ParquetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Labels a team already has, loaded into table {@code labels(row_id, group_id, user_id, item_id,
 * timestamp_ms, label)}: a CSV with a header, or Parquet (a training set works too). The time is
 * {@code timestamp_ms} (epoch ms) or {@code timestamp} (ISO-8601 or epoch ms); without a
 * {@code group_id} column each row is grouped by its user.
 */
final class LabelsFile {
  static final String TABLE = "labels";

  private LabelsFile() {}

  static void load(DuckDb db, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("labels file " + file + " does not exist");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String source = name.endsWith(".parquet")
        ? "read_parquet(" + DuckDb.literal(file.toString()) + ")"
        : "read_csv(" + DuckDb.literal(file.toString()) + ", header = true, all_varchar = true)";
    db.execute("CREATE OR REPLACE TABLE raw_labels AS SELECT * FROM " + source);
    Set<String> columns = columns(db);
    for (String required : new String[] {"user_id", "item_id", "label"}) {
      if (!columns.contains(required)) {
        throw new IllegalArgumentException("labels file " + file + " has no '" + required
            + "' column; it needs user_id, item_id, timestamp (or timestamp_ms) and label");
      }
    }
    String time;
    if (columns.contains("timestamp_ms")) {
      time = "CAST(timestamp_ms AS BIGINT)";
    } else if (columns.contains("timestamp")) {
      time = "COALESCE(TRY_CAST(CAST(timestamp AS VARCHAR) AS BIGINT), "
          + "epoch_ms(CAST(CAST(timestamp AS VARCHAR) AS TIMESTAMPTZ)))";
    } else {
      throw new IllegalArgumentException(
          "labels file " + file + " has no 'timestamp' or " + "'timestamp_ms' column");
    }
    String group =
        columns.contains("group_id") ? "CAST(group_id AS VARCHAR)" : "CAST(user_id AS VARCHAR)";
    db.execute("CREATE OR REPLACE TABLE " + TABLE + " AS SELECT row_number() OVER () AS row_id, "
        + group + " AS group_id, CAST(user_id AS VARCHAR) AS user_id, "
        + "CAST(item_id AS VARCHAR) AS item_id, " + time + " AS timestamp_ms, "
        + "CAST(label AS INTEGER) AS label FROM raw_labels");
  }

  private static Set<String> columns(DuckDb db) {
    Set<String> columns = new HashSet<>();
    try (Statement statement = db.connection().createStatement();
        ResultSet rs = statement.executeQuery("DESCRIBE raw_labels")) {
      while (rs.next()) {
        columns.add(rs.getString("column_name").toLowerCase(Locale.ROOT));
      }
    } catch (SQLException e) {
      throw new ParquetException("cannot describe the labels file", e);
    }
    return columns;
  }
}
