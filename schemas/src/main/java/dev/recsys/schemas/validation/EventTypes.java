package dev.recsys.schemas.validation;

import dev.recsys.schemas.avro.EventType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Event types by their wire name: lower-case snake_case such as {@code add_to_cart}. */
public final class EventTypes {
  private static final String NAMES = Arrays.stream(EventType.values())
      .filter(type -> type != EventType.UNKNOWN)
      .map(EventTypes::wireName)
      .collect(Collectors.joining(", "));

  private EventTypes() {}

  public static String wireName(EventType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code name} (case-insensitive); empty for unknown names. */
  public static Optional<EventType> parse(String name) {
    try {
      EventType type = EventType.valueOf(name.trim().toUpperCase(Locale.ROOT));
      return type == EventType.UNKNOWN ? Optional.empty() : Optional.of(type);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The accepted names, comma separated, for error messages. */
  public static String names() {
    return NAMES;
  }
}
