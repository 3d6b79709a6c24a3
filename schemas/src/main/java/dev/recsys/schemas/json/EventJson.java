package dev.recsys.schemas.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.validation.EventTypes;
import dev.recsys.schemas.validation.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a {@link UserEvent}. {@code event_id} may be omitted: it then defaults to a
 * name-based UUID of the event's content, so a client that re-sends the same event produces the
 * same id and the duplicate is dropped downstream. {@code value} defaults to 1.0.
 */
public final class EventJson {
  private static final Set<String> FIELDS = Set.of(
      "event_id",
      "user_id",
      "item_id",
      "type",
      "value",
      "timestamp",
      "session_id",
      "context",
      "request_id");
  private static final double DEFAULT_VALUE = 1.0;

  private EventJson() {}

  /** Reads one event object; shape errors become violations (the contract rules run later). */
  public static Parsed<UserEvent> read(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Parsed.rejected(List.of(new Violation("$", "must be a JSON object")));
    }
    JsonFields fields = new JsonFields(node);
    fields.rejectUnknown(FIELDS);
    String userId = fields.requiredString("user_id");
    String itemId = fields.requiredString("item_id");
    EventType type = type(fields);
    Double value = fields.number("value");
    Instant timestamp = fields.instant("timestamp");
    JsonNode given = node.get("timestamp");
    if (timestamp == null && (given == null || given.isNull())) {
      fields.violations().add(new Violation("timestamp", "is required"));
    }
    String sessionId = fields.string("session_id");
    Map<String, String> context = fields.stringMap("context");
    String requestId = fields.string("request_id");
    String eventId = fields.string("event_id");
    if (!fields.violations().isEmpty()) {
      return Parsed.rejected(fields.violations());
    }
    double v = value == null ? DEFAULT_VALUE : value;
    if (eventId == null) {
      eventId = contentId(userId, itemId, type, v, timestamp, sessionId);
    }
    return Parsed.ok(
        new UserEvent(eventId, userId, itemId, type, v, timestamp, sessionId, context, requestId));
  }

  private static EventType type(JsonFields fields) {
    String name = fields.requiredString("type");
    if (name == null) {
      return null;
    }
    return EventTypes.parse(name).orElseGet(() -> {
      fields
          .violations()
          .add(new Violation(
              "type",
              "'" + name + "' is not a known event type; use one of " + EventTypes.names()));
      return null;
    });
  }

  /** The id an event without {@code event_id} gets: stable for the same content. */
  public static String contentId(
      String userId,
      String itemId,
      EventType type,
      double value,
      Instant timestamp,
      String sessionId) {
    String content = userId
        + '\u0000'
        + itemId
        + '\u0000'
        + type
        + '\u0000'
        + value
        + '\u0000'
        + timestamp.toEpochMilli()
        + '\u0000'
        + sessionId;
    return NameUuid.of(content.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Writes {@code event} as one JSON object. */
  public static void write(UserEvent event, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("event_id", event.getEventId());
    out.writeStringField("user_id", event.getUserId());
    out.writeStringField("item_id", event.getItemId());
    out.writeStringField("type", EventTypes.wireName(event.getType()));
    out.writeNumberField("value", event.getValue());
    out.writeNumberField("timestamp", event.getTimestamp().toEpochMilli());
    if (event.getSessionId() != null) {
      out.writeStringField("session_id", event.getSessionId());
    }
    if (!event.getContext().isEmpty()) {
      JsonWriting.writeMap("context", event.getContext(), out);
    }
    if (event.getRequestId() != null) {
      out.writeStringField("request_id", event.getRequestId());
    }
    out.writeEndObject();
  }
}
