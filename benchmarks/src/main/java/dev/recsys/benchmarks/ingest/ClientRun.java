package dev.recsys.benchmarks.ingest;

import dev.recsys.ingest.EventPublisher;
import dev.recsys.schemas.avro.UserEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Events through the Java client, asynchronously, as fast as the producer accepts them. */
final class ClientRun implements IngestThroughput.Run {
  private final EventPublisher publisher;

  ClientRun(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public long send(List<UserEvent> events) {
    AtomicLong acked = new AtomicLong();
    for (UserEvent event : events) {
      publisher.send(event).thenRun(acked::incrementAndGet);
    }
    publisher.flush();
    return acked.get();
  }
}
