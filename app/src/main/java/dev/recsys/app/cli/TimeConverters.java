package dev.recsys.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line times: instants as ISO-8601 or a UTC date, durations as {@code 7d}, {@code 12h}. */
final class TimeConverters {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([dhms])");

  private TimeConverters() {}

  /** {@code 2026-10-25T00:00:00Z} or {@code 2026-10-25} (midnight UTC). */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return value.length() == 10
            ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a time; use an ISO-8601 "
            + "instant such as 2026-10-25T00:00:00Z or a date such as 2026-10-25");
      }
    }
  }

  /** {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s}, or ISO-8601 such as {@code PT1H}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Matcher m = SHORT_DURATION.matcher(value);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "d" -> Duration.ofDays(n);
          case "h" -> Duration.ofHours(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofSeconds(n);
        };
      }
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a duration; use 7d, 12h, 30m, "
            + "45s or ISO-8601 such as PT1H");
      }
    }
  }
}
