package dev.recsys.features.training;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.offline.OfflineLayout;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.features.parquet.DuckDb;
import dev.recsys.features.parquet.ParquetException;
import dev.recsys.features.replay.TrainingRow;
import dev.recsys.schemas.avro.EventType;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The second way to a training set, for labels a team already has: each label is joined (DuckDB
 * {@code ASOF JOIN}) to the user's and the item's last feature-log rows whose vectors were
 * current strictly before the label's time ({@code updated_at} below it: the vector holds no
 * event at or after that moment), and to the item's category as last known. The pair features
 * are then computed by the same code replay uses, so on the same events both agree exactly.
 */
public final class AsOfJoin {
  private static final String QUERY = """
      WITH log AS (
        SELECT entity_kind, entity_id, updated_at_ms, map_keys(feature_values) AS names,
               map_values(feature_values) AS vals, recent_items, recent_types, recent_times
        FROM read_parquet(%s)
        WHERE feature_set = ?
        QUALIFY row_number() OVER (PARTITION BY entity_kind, entity_id, updated_at_ms
                                   ORDER BY kafka_partition DESC, kafka_offset DESC) = 1),
      users AS (SELECT * FROM log WHERE entity_kind = 'USER'),
      items AS (SELECT * FROM log WHERE entity_kind = 'ITEM'),
      catalog AS (SELECT item_id, arg_max(category, kafka_offset) AS category
                  FROM read_parquet(%s) GROUP BY item_id)
      SELECT l.group_id, l.user_id, l.item_id, l.timestamp_ms, l.label,
             u.updated_at_ms AS u_at, u.names AS u_names, u.vals AS u_vals,
             u.recent_items AS u_items, u.recent_types AS u_types, u.recent_times AS u_times,
             i.updated_at_ms AS i_at, i.names AS i_names, i.vals AS i_vals, c.category
      FROM labels l
      ASOF LEFT JOIN users u ON l.user_id = u.entity_id AND l.timestamp_ms > u.updated_at_ms
      ASOF LEFT JOIN items i ON l.item_id = i.entity_id AND l.timestamp_ms > i.updated_at_ms
      LEFT JOIN catalog c ON c.item_id = l.item_id
      ORDER BY l.row_id""";
  private final OfflineLayout layout;
  private final FeatureSet featureSet;

  public AsOfJoin(OfflineLayout layout, FeatureSet featureSet) {
    this.layout = requireNonNull(layout, "layout");
    this.featureSet = requireNonNull(featureSet, "featureSet");
  }

  /** Joins every label in {@code labelsFile}, in file order; returns the number of rows. */
  public long run(Path labelsFile, Consumer<TrainingRow> rows) {
    for (String dataset : List.of(OfflineLayout.FEATURE_LOG, OfflineLayout.ITEMS)) {
      if (!layout.hasFiles(dataset)) {
        throw new IllegalStateException("the offline store at " + layout.root() + " has no "
            + dataset + " files yet; run 'recsys features' with offline.dir set first");
      }
    }
    long count = 0;
    try (DuckDb db = DuckDb.inMemory()) {
      LabelsFile.load(db, labelsFile);
      String sql = QUERY.formatted(
          DuckDb.literal(layout.glob(OfflineLayout.FEATURE_LOG)),
          DuckDb.literal(layout.glob(OfflineLayout.ITEMS)));
      try (PreparedStatement statement = db.connection().prepareStatement(sql)) {
        statement.setString(1, featureSet.namespace());
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            rows.accept(row(rs));
            count++;
          }
        }
      } catch (SQLException e) {
        throw new ParquetException("the as-of join over " + layout.root() + " failed", e);
      }
    }
    return count;
  }

  private static TrainingRow row(ResultSet rs) throws SQLException {
    String userId = rs.getString("user_id");
    String itemId = rs.getString("item_id");
    long time = rs.getLong("timestamp_ms");
    FeatureVector user = vector(rs, EntityKind.USER, userId, "u_");
    FeatureVector item = vector(rs, EntityKind.ITEM, itemId, "i_");
    return new TrainingRow(
        rs.getString("group_id"),
        userId,
        itemId,
        time,
        rs.getInt("label"),
        PairFeatures.of(user, item, rs.getString("category"), time));
  }

  private static FeatureVector vector(ResultSet rs, EntityKind kind, String id, String prefix)
      throws SQLException {
    long updatedAt = rs.getLong(prefix + "at");
    if (rs.wasNull()) {
      return null;
    }
    Object[] names = (Object[]) rs.getArray(prefix + "names").getArray();
    Object[] values = (Object[]) rs.getArray(prefix + "vals").getArray();
    TreeMap<String, Double> features = new TreeMap<>();
    for (int n = 0; n < names.length; n++) {
      features.put((String) names[n], ((Number) values[n]).doubleValue());
    }
    List<RecentInteraction> recent = new ArrayList<>();
    if (kind == EntityKind.USER) {
      Object[] items = (Object[]) rs.getArray("u_items").getArray();
      Object[] types = (Object[]) rs.getArray("u_types").getArray();
      Object[] times = (Object[]) rs.getArray("u_times").getArray();
      for (int n = 0; n < items.length; n++) {
        recent.add(new RecentInteraction(
            (String) items[n],
            EventType.valueOf((String) types[n]),
            ((Number) times[n]).longValue()));
      }
    }
    return new FeatureVector(kind, id, updatedAt, features, recent);
  }
}
