package dev.recsys.ingest.batch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recsys.ingest.Ack;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.json.EventJson;
import dev.recsys.schemas.json.ItemJson;
import dev.recsys.schemas.json.Parsed;
import dev.recsys.schemas.validation.InvalidRecordException;
import dev.recsys.schemas.validation.Violation;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads, checks and publishes one batch, then waits until Kafka acknowledged every record it
 * sent: an entry is reported accepted only once it is durable, so nothing accepted is lost.
 */
public final class BatchIngestor<T> {
  private final BiFunction<JsonNode, InstantSource, Parsed<T>> reader;
  private final Function<T, CompletableFuture<Ack>> sender;
  private final Function<T, String> id;
  private final InstantSource clock;

  private BatchIngestor(
      BiFunction<JsonNode, InstantSource, Parsed<T>> reader,
      Function<T, CompletableFuture<Ack>> sender,
      Function<T, String> id,
      InstantSource clock) {
    this.reader = reader;
    this.sender = sender;
    this.id = id;
    this.clock = requireNonNull(clock, "clock");
  }

  public static BatchIngestor<UserEvent> events(EventPublisher publisher, InstantSource clock) {
    return new BatchIngestor<>(
        (node, c) -> EventJson.read(node), publisher::send, UserEvent::getEventId, clock);
  }

  public static BatchIngestor<ItemUpdate> items(EventPublisher publisher, InstantSource clock) {
    return new BatchIngestor<>(
        (node, c) -> ItemJson.read(node, c.instant()),
        publisher::send,
        ItemUpdate::getItemId,
        clock);
  }

  public BatchResult ingest(List<BatchEntry> entries) {
    List<Rejection> rejected = new ArrayList<>();
    List<Pending> pending = new ArrayList<>(entries.size());
    for (BatchEntry entry : entries) {
      if (entry.malformed() != null) {
        rejected.add(new Rejection(entry.index(), "$", entry.malformed()));
        continue;
      }
      Parsed<T> parsed = reader.apply(entry.node(), clock);
      if (parsed instanceof Parsed.Rejected<T> r) {
        reject(entry.index(), r.violations(), rejected);
      } else if (parsed instanceof Parsed.Ok<T> ok) {
        try {
          pending.add(new Pending(entry.index(), id.apply(ok.value()), sender.apply(ok.value())));
        } catch (InvalidRecordException e) {
          reject(entry.index(), e.violations(), rejected);
        }
      }
    }
    return collect(pending, rejected);
  }

  private static BatchResult collect(List<Pending> pending, List<Rejection> rejected) {
    List<String> accepted = new ArrayList<>(pending.size());
    List<Rejection> failed = new ArrayList<>();
    for (Pending p : pending) {
      try {
        p.ack().join();
        accepted.add(p.id());
      } catch (RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        failed.add(new Rejection(p.index(), "$", cause.getMessage()));
      }
    }
    return new BatchResult(accepted, rejected, failed);
  }

  private static void reject(int index, List<Violation> violations, List<Rejection> out) {
    for (Violation v : violations) {
      out.add(new Rejection(index, v.field(), v.reason()));
    }
  }

  private record Pending(int index, String id, CompletableFuture<Ack> ack) {}
}
