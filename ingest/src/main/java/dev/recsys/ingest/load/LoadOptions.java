package dev.recsys.ingest.load;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.avro.EventType;
import java.util.Optional;

/**
 * How to read a file: its format, the column mapping, the unit of numeric times, a type for
 * every row when the file has no type column (e.g. {@code rating} for MovieLens; events only),
 * the CSV delimiter, and whether events are sorted by time before publishing.
 */
public record LoadOptions(
    FileFormat format,
    ColumnMapping mapping,
    TimeUnit timeUnit,
    Optional<EventType> constantType,
    char delimiter,
    TimeOrdering ordering) {
  public static final char DEFAULT_DELIMITER = ',';

  public LoadOptions {
    requireNonNull(format, "format");
    requireNonNull(mapping, "mapping");
    requireNonNull(timeUnit, "timeUnit");
    requireNonNull(constantType, "constantType");
    requireNonNull(ordering, "ordering");
  }

  public static LoadOptions defaults(FileFormat format) {
    return new LoadOptions(
        format,
        ColumnMapping.IDENTITY,
        TimeUnit.MILLISECONDS,
        Optional.empty(),
        DEFAULT_DELIMITER,
        TimeOrdering.sorted());
  }

  public LoadOptions withOrdering(TimeOrdering value) {
    return new LoadOptions(format, mapping, timeUnit, constantType, delimiter, value);
  }

  /** Units of numeric timestamps in the file. */
  public enum TimeUnit {
    SECONDS(1000),
    MILLISECONDS(1);

    private final long toMillis;

    TimeUnit(long toMillis) {
      this.toMillis = toMillis;
    }

    long toMillis(long value) {
      return value * toMillis;
    }
  }
}
