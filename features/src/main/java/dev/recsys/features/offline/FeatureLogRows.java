package dev.recsys.features.offline;

import dev.recsys.features.log.FeatureUpdates;
import dev.recsys.schemas.AvroCodec;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.FeatureUpdate;
import dev.recsys.schemas.avro.RecentItem;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;

/** Feature-log rows: an entity's whole vector after one event, with that event's time. */
final class FeatureLogRows implements RowFormat<FeatureUpdate> {
  public static final FeatureLogRows INSTANCE = new FeatureLogRows();

  private FeatureLogRows() {}

  @Override
  public String dataset() {
    return OfflineLayout.FEATURE_LOG;
  }

  @Override
  public String columns() {
    return "entity_kind VARCHAR, entity_id VARCHAR, feature_set VARCHAR, updated_at_ms BIGINT, "
        + "event_id VARCHAR, feature_values MAP(VARCHAR, DOUBLE), recent_items VARCHAR[], "
        + "recent_types VARCHAR[], recent_times BIGINT[]";
  }

  @Override
  public AvroCodec<FeatureUpdate> codec() {
    return Codecs.FEATURE_UPDATE;
  }

  @Override
  public void append(DuckDBAppender row, FeatureUpdate update) throws SQLException {
    List<RecentItem> recent = update.getRecent();
    row.append(update.getEntityKind().name())
        .append(update.getEntityId())
        .append(update.getFeatureSet())
        .append(update.getUpdatedAt().toEpochMilli())
        .append(update.getEventId())
        .append(FeatureUpdates.values(update))
        .append(recent.stream().map(RecentItem::getItemId).toList())
        .append(recent.stream().map(r -> r.getType().name()).toList())
        .append(recent.stream().mapToLong(r -> r.getTimestamp().toEpochMilli()).toArray());
  }
}
