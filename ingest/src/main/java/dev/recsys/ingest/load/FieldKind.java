package dev.recsys.ingest.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;

/** How a text cell or JSON value becomes the JSON value a contract field expects. */
enum FieldKind {
  TEXT {
    @Override
    JsonNode fromText(String text, LoadOptions options) {
      return NODES.textNode(text);
    }
  },
  NUMBER {
    @Override
    JsonNode fromText(String text, LoadOptions options) {
      try {
        return NODES.numberNode(Double.parseDouble(text));
      } catch (NumberFormatException e) {
        return NODES.textNode(text);
      }
    }
  },
  TIME {
    @Override
    JsonNode fromText(String text, LoadOptions options) {
      try {
        return NODES.numberNode(options.timeUnit().toMillis(Long.parseLong(text.trim())));
      } catch (NumberFormatException e) {
        return NODES.textNode(text);
      }
    }

    @Override
    JsonNode fromJson(JsonNode value, LoadOptions options) {
      return value.isIntegralNumber()
          ? NODES.numberNode(options.timeUnit().toMillis(value.longValue()))
          : value;
    }
  },
  BOOL {
    @Override
    JsonNode fromText(String text, LoadOptions options) {
      String t = text.trim().toLowerCase(java.util.Locale.ROOT);
      return switch (t) {
        case "true", "1", "yes" -> NODES.booleanNode(true);
        case "false", "0", "no" -> NODES.booleanNode(false);
        default -> NODES.textNode(text);
      };
    }
  },
  LIST {
    @Override
    JsonNode fromText(String text, LoadOptions options) {
      ArrayNode list = NODES.arrayNode();
      for (String part : text.split("\\|")) {
        if (!part.isBlank()) {
          list.add(part.trim());
        }
      }
      return list;
    }
  };

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final Map<String, FieldKind> EVENT_FIELDS = Map.of(
      "event_id",
      TEXT,
      "user_id",
      TEXT,
      "item_id",
      TEXT,
      "type",
      TEXT,
      "value",
      NUMBER,
      "timestamp",
      TIME,
      "session_id",
      TEXT,
      "request_id",
      TEXT);
  static final Map<String, FieldKind> ITEM_FIELDS = Map.of(
      "item_id",
      TEXT,
      "category",
      TEXT,
      "tags",
      LIST,
      "price",
      NUMBER,
      "available",
      BOOL,
      "created_at",
      TIME,
      "updated_at",
      TIME);

  abstract JsonNode fromText(String text, LoadOptions options);

  JsonNode fromJson(JsonNode value, LoadOptions options) {
    return value;
  }
}
