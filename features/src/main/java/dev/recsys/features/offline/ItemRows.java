package dev.recsys.features.offline;

import dev.recsys.schemas.AvroCodec;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.ItemUpdate;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/** Every catalog update, so the offline side knows items' categories as the stream did. */
final class ItemRows implements RowFormat<ItemUpdate> {
  public static final ItemRows INSTANCE = new ItemRows();

  private ItemRows() {}

  @Override
  public String dataset() {
    return OfflineLayout.ITEMS;
  }

  @Override
  public String columns() {
    return "item_id VARCHAR, category VARCHAR, tags VARCHAR[], price DOUBLE, available BOOLEAN, "
        + "created_at_ms BIGINT, updated_at_ms BIGINT, attributes MAP(VARCHAR, VARCHAR)";
  }

  @Override
  public AvroCodec<ItemUpdate> codec() {
    return Codecs.ITEM_UPDATE;
  }

  @Override
  public void append(DuckDBAppender row, ItemUpdate item) throws SQLException {
    row.append(item.getItemId())
        .append(item.getCategory())
        .append(item.getTags())
        .append(item.getPrice())
        .append(item.getAvailable())
        .append(item.getCreatedAt().toEpochMilli())
        .append(item.getUpdatedAt().toEpochMilli())
        .append(item.getAttributes());
  }
}
