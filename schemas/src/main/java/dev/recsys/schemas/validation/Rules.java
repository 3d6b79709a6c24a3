package dev.recsys.schemas.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Field-level checks shared by the event and item rules. */
final class Rules {
  static final int MAX_ID_LENGTH = 256;
  static final int MAX_TEXT_LENGTH = 1024;
  static final int MAX_ENTRIES = 64;
  /**
   * Older than any interaction data worth loading (public sets such as MovieLens start in 1995),
   * yet late enough to catch epoch seconds sent as milliseconds, which land in January 1970.
   */
  static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

  static final Duration MAX_FUTURE = Duration.ofDays(1);

  private Rules() {}

  static void id(String field, String value, List<Violation> out) {
    if (value == null || value.isBlank()) {
      out.add(new Violation(field, "is required and must not be blank"));
    } else if (value.length() > MAX_ID_LENGTH) {
      out.add(new Violation(
          field,
          "is " + value.length() + " characters; at most " + MAX_ID_LENGTH + " are allowed"));
    } else if (hasControlCharacter(value)) {
      out.add(new Violation(field, "must not contain control characters"));
    }
  }

  static void optionalText(String field, String value, List<Violation> out) {
    if (value != null && value.length() > MAX_TEXT_LENGTH) {
      out.add(new Violation(
          field,
          "is " + value.length() + " characters; at most " + MAX_TEXT_LENGTH + " are allowed"));
    }
  }

  static void time(String field, Instant value, Instant now, List<Violation> out) {
    if (value == null) {
      out.add(new Violation(field, "is required (epoch milliseconds or ISO-8601)"));
    } else if (value.isBefore(EARLIEST)) {
      String hint = value.toEpochMilli() > 0 && value.toEpochMilli() < 100_000_000_000L
          ? "; it looks like seconds: send epoch milliseconds"
          : "";
      out.add(new Violation(field, value + " is before " + EARLIEST + hint));
    } else if (value.isAfter(now.plus(MAX_FUTURE))) {
      out.add(new Violation(
          field,
          value + " is more than " + MAX_FUTURE.toHours() + "h in the future (now " + now + ")"));
    }
  }

  static void finite(String field, double value, List<Violation> out) {
    if (!Double.isFinite(value)) {
      out.add(new Violation(field, "must be a finite number, got " + value));
    }
  }

  static void entries(String field, Map<String, String> map, List<Violation> out) {
    if (map.size() > MAX_ENTRIES) {
      out.add(new Violation(field, "has " + map.size() + " entries; at most " + MAX_ENTRIES));
      return;
    }
    map.forEach((key, value) -> {
      id(field + "." + key, key, out);
      optionalText(field + "." + key, value, out);
    });
  }

  private static boolean hasControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
