package dev.recsys.app.demo;

import static java.util.Objects.requireNonNull;

import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.generate.DatasetSink;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Publishes a generated data set as it is generated, counting Kafka's acknowledgements. */
public final class PublishingSink implements DatasetSink {
  private final EventPublisher publisher;
  private final AtomicLong acked = new AtomicLong();
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

  public PublishingSink(EventPublisher publisher) {
    this.publisher = requireNonNull(publisher, "publisher");
  }

  @Override
  public void item(ItemUpdate item) {
    publisher.send(item).whenComplete(this::count);
  }

  @Override
  public void event(UserEvent event) {
    publisher.send(event).whenComplete(this::count);
  }

  /** Waits for every acknowledgement; throws if Kafka refused any record. */
  public long awaitAcknowledged() {
    publisher.flush();
    Throwable failure = firstFailure.get();
    if (failure != null) {
      throw new IllegalStateException(
          "Kafka did not acknowledge every record: " + failure, failure);
    }
    return acked.get();
  }

  private void count(Object ack, Throwable error) {
    if (error == null) {
      acked.incrementAndGet();
    } else {
      firstFailure.compareAndSet(null, error);
    }
  }
}
