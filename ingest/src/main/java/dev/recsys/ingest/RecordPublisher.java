package dev.recsys.ingest;

import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.util.concurrent.CompletableFuture;

/**
 * Where checked records go. {@link EventPublisher} sends them to Kafka; a benchmark of the loader
 * can count them instead.
 */
public interface RecordPublisher {
  /** Sends {@code event}; the future completes when it is durably stored. */
  CompletableFuture<Ack> send(UserEvent event);

  /** Sends {@code event}, encoded and checked by the caller; completes when it is stored. */
  CompletableFuture<Ack> send(EncodedEvent event);

  /** Sends {@code item}; the future completes when it is durably stored. */
  CompletableFuture<Ack> send(ItemUpdate item);

  /** Sends everything buffered and waits for it to be stored or to fail. */
  void flush();
}
