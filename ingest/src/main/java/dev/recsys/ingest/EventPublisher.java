package dev.recsys.ingest;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.validation.EventRules;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes user events (keyed by user, so a user's events stay in order) and catalog updates
 * (keyed by item, on the compacted topic) over one idempotent producer. Every record is checked
 * against the contract first: an invalid one throws
 * {@link dev.recsys.schemas.validation.InvalidRecordException} and is never sent. A future
 * completes only when Kafka has acknowledged the record. Thread-safe.
 *
 * <pre>{@code
 * try (EventPublisher publisher = EventPublisher.create(PublisherConfig.of("localhost:9092"),
 *     Topics.defaults(), Clock.systemUTC())) {
 *   publisher.sendAndWait(event);           // blocks until acknowledged
 *   publisher.send(event).thenAccept(...);  // or asynchronously
 * }
 * }</pre>
 */
public final class EventPublisher implements RecordPublisher, AutoCloseable {
  private final Producer<String, byte[]> producer;
  private final Topics topics;
  private final InstantSource clock;

  EventPublisher(Producer<String, byte[]> producer, Topics topics, InstantSource clock) {
    this.producer = requireNonNull(producer, "producer");
    this.topics = requireNonNull(topics, "topics");
    this.clock = requireNonNull(clock, "clock");
  }

  public static EventPublisher create(PublisherConfig config, Topics topics, InstantSource clock) {
    return new EventPublisher(
        new KafkaProducer<>(config.producerProperties("recsys-publisher")), topics, clock);
  }

  /** Sends {@code event}; the future completes when Kafka acknowledged it. */
  @Override
  public CompletableFuture<Ack> send(UserEvent event) {
    EventRules.require(event, clock);
    return send(new ProducerRecord<>(
        topics.events().name(),
        null,
        event.getTimestamp().toEpochMilli(),
        event.getUserId(),
        Codecs.USER_EVENT.encode(event)));
  }

  /**
   * Sends an event that was checked when it was encoded (a bulk load checks each row as it reads
   * the file, then publishes the sorted bytes without decoding them again).
   */
  @Override
  public CompletableFuture<Ack> send(EncodedEvent event) {
    return send(new ProducerRecord<>(
        topics.events().name(), null, event.timestamp(), event.userId(), event.avro()));
  }

  /** Sends {@code item} to the compacted items topic. */
  @Override
  public CompletableFuture<Ack> send(ItemUpdate item) {
    EventRules.require(item, clock);
    return send(new ProducerRecord<>(
        topics.items().name(),
        null,
        item.getUpdatedAt().toEpochMilli(),
        item.getItemId(),
        Codecs.ITEM_UPDATE.encode(item)));
  }

  public Ack sendAndWait(UserEvent event) {
    return await(send(event));
  }

  public Ack sendAndWait(ItemUpdate item) {
    return await(send(item));
  }

  /** Sends everything buffered and waits for it to be acknowledged or to fail. */
  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }

  private CompletableFuture<Ack> send(ProducerRecord<String, byte[]> record) {
    CompletableFuture<Ack> ack = new CompletableFuture<>();
    producer.send(record, (metadata, error) -> {
      if (error != null) {
        ack.completeExceptionally(new PublishException(
            "Kafka did not acknowledge the record for " + record.topic() + " (key " + record.key()
                + "): " + error.getMessage(),
            error));
      } else {
        ack.complete(new Ack(metadata.topic(), metadata.partition(), metadata.offset()));
      }
    });
    return ack;
  }

  private static Ack await(CompletableFuture<Ack> ack) {
    try {
      return ack.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof PublishException publish
          ? publish
          : new PublishException("publishing failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while waiting for Kafka's acknowledgement", e);
    }
  }
}
