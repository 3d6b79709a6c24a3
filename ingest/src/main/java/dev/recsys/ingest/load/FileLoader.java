package dev.recsys.ingest.load;

import static java.util.Objects.requireNonNull;

import dev.recsys.ingest.Ack;
import dev.recsys.ingest.EncodedEvent;
import dev.recsys.ingest.RecordPublisher;
import dev.recsys.ingest.sort.ExternalSort;
import dev.recsys.ingest.sort.KeyedRecord;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.json.EventJson;
import dev.recsys.schemas.json.ItemJson;
import dev.recsys.schemas.json.Parsed;
import dev.recsys.schemas.validation.EventRules;
import dev.recsys.schemas.validation.InvalidRecordException;
import dev.recsys.schemas.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads events or items from a file into Kafka: every row passes the same contract checks as
 * HTTP; rejected rows are counted with their reasons and reported, never silently dropped.
 * Events are published in event-time order unless the options say the file already is: the file
 * is read and checked first, sorted in bounded memory (spilling to disk, see {@link
 * ExternalSort}), then published. Returns when every sent record is acknowledged or failed.
 */
public final class FileLoader {
  private static final int PROGRESS_EVERY = 1024;
  private final RecordPublisher publisher;
  private final InstantSource clock;

  public FileLoader(RecordPublisher publisher, InstantSource clock) {
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

  /** Loads events, in event-time order unless {@code options.ordering()} trusts the file's. */
  public LoadSummary loadEvents(Path file, LoadOptions options, LoadProgress progress) {
    LoadTally tally = new LoadTally("events");
    EventOrder.Watch watch = new EventOrder.Watch();
    if (!options.ordering().sortByTime()) {
      read(
          file,
          options,
          FieldKind.EVENT_FIELDS,
          progress,
          tally,
          row -> send(
              EventJson.read(row.node()),
              event -> {
                watch.see(event.getTimestamp().toEpochMilli());
                return publisher.send(event);
              },
              tally,
              row));
      publisher.flush();
      return tally.summary(watch.order(false, 0));
    }
    TimeOrdering ordering = options.ordering();
    try (ExternalSort sort = ExternalSort.create(ordering.memoryBytes(), ordering.tempDir())) {
      read(file, options, FieldKind.EVENT_FIELDS, progress, tally, row -> {
        UserEvent event = checked(EventJson.read(row.node()), tally, row);
        if (event != null) {
          long time = event.getTimestamp().toEpochMilli();
          watch.see(time);
          sort.add(time, EncodedEvent.of(event).pack());
        }
      });
      Iterator<KeyedRecord> sorted = sort.sorted();
      progress.publishing(sort.stats().records());
      long published = 0;
      while (sorted.hasNext()) {
        KeyedRecord next = sorted.next();
        tally.sent(publisher.send(EncodedEvent.unpack(next.key(), next.payload())));
        if ((++published % PROGRESS_EVERY) == 0) {
          progress.published(published);
        }
      }
      progress.published(published);
      publisher.flush();
      return tally.summary(watch.order(true, sort.stats().spilledRuns()));
    }
  }

  /** Loads catalog items in file order. */
  public LoadSummary loadItems(Path file, LoadOptions options, LoadProgress progress) {
    if (options.constantType().isPresent()) {
      throw new IllegalArgumentException("an event type for every row applies to events, not "
          + "to the items file " + file.getFileName());
    }
    LoadTally tally = new LoadTally("items");
    read(
        file,
        options,
        FieldKind.ITEM_FIELDS,
        progress,
        tally,
        row -> send(ItemJson.read(row.node(), clock.instant()), publisher::send, tally, row));
    publisher.flush();
    return tally.summary(EventOrder.NONE);
  }

  private static void read(
      Path file,
      LoadOptions options,
      Map<String, FieldKind> fields,
      LoadProgress progress,
      LoadTally tally,
      Consumer<RowReader.Row> rowSink) {
    try (RowReader rows = new RowReader(file, options, fields)) {
      for (RowReader.Row row = rows.next(); row != null; row = rows.next()) {
        tally.read();
        if (row.malformed() != null) {
          tally.reject(row.line(), List.of(new Violation("$", row.malformed())));
        } else {
          rowSink.accept(row);
        }
        if ((tally.readCount() % PROGRESS_EVERY) == 0) {
          progress.read(rows.bytesRead());
        }
      }
      progress.read(rows.bytesRead());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The event if it parsed and meets the contract now, else null with the row rejected. */
  private UserEvent checked(Parsed<UserEvent> parsed, LoadTally tally, RowReader.Row row) {
    if (parsed instanceof Parsed.Rejected<UserEvent> rejected) {
      tally.reject(row.line(), rejected.violations());
      return null;
    }
    UserEvent event = ((Parsed.Ok<UserEvent>) parsed).value();
    List<Violation> violations = EventRules.check(event, clock.instant());
    if (!violations.isEmpty()) {
      tally.reject(row.line(), violations);
      return null;
    }
    return event;
  }

  private static <T> void send(
      Parsed<T> parsed,
      Function<T, CompletableFuture<Ack>> publish,
      LoadTally tally,
      RowReader.Row row) {
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
}
