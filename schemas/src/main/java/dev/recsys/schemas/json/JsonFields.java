package dev.recsys.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recsys.schemas.validation.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads typed fields from one JSON object, collecting a violation per unreadable field. */
final class JsonFields {
  private final JsonNode node;
  private final List<Violation> violations = new ArrayList<>(2);

  JsonFields(JsonNode node) {
    this.node = node;
  }

  List<Violation> violations() {
    return violations;
  }

  void rejectUnknown(Set<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        violations.add(new Violation(
            name,
            "is not a known field; known fields are " + known.stream().sorted().toList()));
      }
    }
  }

  String string(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      violations.add(new Violation(field, "must be a string, got " + value.getNodeType()));
      return null;
    }
    return value.textValue();
  }

  String requiredString(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      violations.add(new Violation(field, "is required"));
      return null;
    }
    return string(field);
  }

  Double number(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      violations.add(new Violation(field, "must be a number, got " + value.getNodeType()));
      return null;
    }
    return value.doubleValue();
  }

  Boolean bool(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      violations.add(new Violation(field, "must be true or false, got " + value.getNodeType()));
      return null;
    }
    return value.booleanValue();
  }

  Instant instant(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Instant.ofEpochMilli(value.longValue());
    }
    if (value.isTextual()) {
      try {
        return Instant.parse(value.textValue());
      } catch (DateTimeParseException e) {
        violations.add(new Violation(
            field,
            "'" + value.textValue() + "' is not an ISO-8601 instant such as 2026-11-01T12:00:00Z"));
        return null;
      }
    }
    violations.add(new Violation(
        field, "must be epoch milliseconds (an integer) or an ISO-8601 string, got " + value));
    return null;
  }

  Map<String, String> stringMap(String field) {
    JsonNode value = node.get(field);
    Map<String, String> map = new HashMap<>();
    if (value == null || value.isNull()) {
      return map;
    }
    if (!value.isObject()) {
      violations.add(new Violation(field, "must be an object of strings"));
      return map;
    }
    value.fields().forEachRemaining(entry -> {
      if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
        map.put(entry.getKey(), entry.getValue().asText());
      } else {
        violations.add(new Violation(field + "." + entry.getKey(), "must be a string"));
      }
    });
    return map;
  }

  List<String> stringList(String field) {
    JsonNode value = node.get(field);
    List<String> list = new ArrayList<>();
    if (value == null || value.isNull()) {
      return list;
    }
    if (!value.isArray()) {
      violations.add(new Violation(field, "must be an array of strings"));
      return list;
    }
    value.forEach(element -> {
      if (element.isTextual()) {
        list.add(element.textValue());
      } else {
        violations.add(new Violation(field + "[]", "must be a string, got " + element));
      }
    });
    return list;
  }
}
