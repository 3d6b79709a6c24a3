package dev.recsys.ingest.load;

import static java.util.Objects.requireNonNull;

import dev.recsys.ingest.Ack;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.schemas.json.EventJson;
import dev.recsys.schemas.json.ItemJson;
import dev.recsys.schemas.json.Parsed;
import dev.recsys.schemas.validation.InvalidRecordException;
import dev.recsys.schemas.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Loads events or items from a file into Kafka through the {@link EventPublisher}: every row
 * passes the same contract checks as HTTP; rejected rows are counted with their reasons and
 * reported, never silently dropped. Returns when every sent record is acknowledged or failed.
 */
public final class FileLoader {
  private final EventPublisher publisher;
  private final InstantSource clock;

  public FileLoader(EventPublisher publisher, InstantSource clock) {
    this.publisher = requireNonNull(publisher, "publisher");
    this.clock = requireNonNull(clock, "clock");
  }

  /** The contract fields a mapping may name for events. */
  public static Set<String> eventFields() {
    return FieldKind.EVENT_FIELDS.keySet();
  }

  /** The contract fields a mapping may name for items. */
  public static Set<String> itemFields() {
    return FieldKind.ITEM_FIELDS.keySet();
  }

  /** Loads events; {@code progress} receives the file bytes consumed so far. */
  public LoadSummary loadEvents(Path file, LoadOptions options, LongConsumer progress) {
    return load("events", file, options, FieldKind.EVENT_FIELDS, progress,
        (row, tally) -> send(EventJson.read(row.node()), publisher::send, tally, row));
  }

  /** Loads catalog items; {@code progress} receives the file bytes consumed so far. */
  public LoadSummary loadItems(Path file, LoadOptions options, LongConsumer progress) {
    return load("items", file, options, FieldKind.ITEM_FIELDS, progress,
        (row, tally) -> send(ItemJson.read(row.node(), clock.instant()), publisher::send, tally,
            row));
  }

  private LoadSummary load(String kind, Path file, LoadOptions options,
      Map<String, FieldKind> fields, LongConsumer progress, RowSender sender) {
    LoadTally tally = new LoadTally(kind);
    try (RowReader rows = new RowReader(file, options, fields)) {
      for (RowReader.Row row = rows.next(); row != null; row = rows.next()) {
        tally.read();
        if (row.malformed() != null) {
          tally.reject(row.line(), List.of(new Violation("$", row.malformed())));
        } else {
          sender.send(row, tally);
        }
        if ((tally.readCount() & 1023) == 0) {
          progress.accept(rows.bytesRead());
        }
      }
      progress.accept(rows.bytesRead());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    publisher.flush();
    return tally.summary();
  }

  private static <T> void send(Parsed<T> parsed, Function<T, CompletableFuture<Ack>> publish,
      LoadTally tally, RowReader.Row row) {
    if (parsed instanceof Parsed.Rejected<T> rejected) {
      tally.reject(row.line(), rejected.violations());
      return;
    }
    try {
      tally.sent(publish.apply(((Parsed.Ok<T>) parsed).value()));
    } catch (InvalidRecordException e) {
      tally.reject(row.line(), e.violations());
    }
  }

  @FunctionalInterface
  private interface RowSender {
    void send(RowReader.Row row, LoadTally tally);
  }
}
