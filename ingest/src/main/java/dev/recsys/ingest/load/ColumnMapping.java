package dev.recsys.ingest.load;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which source column feeds which contract field, e.g. {@code user_id=userId,item_id=movieId}.
 * Fields not mentioned are read from a column of their own name.
 */
public record ColumnMapping(Map<String, String> fieldToColumn) {
  public static final ColumnMapping IDENTITY = new ColumnMapping(Map.of());

  public ColumnMapping {
    fieldToColumn = Map.copyOf(fieldToColumn);
  }

  /** Parses {@code field=column,field=column}; names the bad pair and the known fields. */
  public static ColumnMapping parse(String spec, Set<String> fields) {
    Map<String, String> map = new HashMap<>();
    if (spec == null || spec.isBlank()) {
      return IDENTITY;
    }
    for (String pair : spec.split(",")) {
      String[] parts = pair.split("=", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new IllegalArgumentException(
            "--map entry '" + pair + "' must look like field=column, e.g. user_id=userId");
      }
      String field = parts[0].trim();
      if (!fields.contains(field)) {
        throw new IllegalArgumentException("--map names unknown field '" + field
            + "'; known fields are " + fields.stream().sorted().toList());
      }
      map.put(field, parts[1].trim());
    }
    return new ColumnMapping(map);
  }

  /** The source column for {@code field}. */
  public String column(String field) {
    return fieldToColumn.getOrDefault(field, field);
  }
}
