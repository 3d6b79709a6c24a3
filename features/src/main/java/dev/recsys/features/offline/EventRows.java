package dev.recsys.features.offline;

import dev.recsys.schemas.AvroCodec;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.UserEvent;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/** The raw events, archived as they are on the topic (accepted or not: the archive keeps all). */
final class EventRows implements RowFormat<UserEvent> {
  public static final EventRows INSTANCE = new EventRows();

  private EventRows() {}

  @Override
  public String dataset() {
    return OfflineLayout.EVENTS;
  }

  @Override
  public String columns() {
    return "event_id VARCHAR, user_id VARCHAR, item_id VARCHAR, type VARCHAR, value DOUBLE, "
        + "timestamp_ms BIGINT, session_id VARCHAR, request_id VARCHAR, "
        + "context MAP(VARCHAR, VARCHAR)";
  }

  @Override
  public AvroCodec<UserEvent> codec() {
    return Codecs.USER_EVENT;
  }

  @Override
  public void append(DuckDBAppender row, UserEvent e) throws SQLException {
    row.append(e.getEventId())
        .append(e.getUserId())
        .append(e.getItemId())
        .append(e.getType().name())
        .append(e.getValue())
        .append(e.getTimestamp().toEpochMilli())
        .append(e.getSessionId())
        .append(e.getRequestId())
        .append(e.getContext());
  }
}
