package dev.recsys.benchmarks.chaos;

import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * New events for the data set's users and items, stamped now and with ids of their own, published
 * at a steady rate by the Java client on a thread of its own until stopped.
 */
final class Traffic implements AutoCloseable {
  private static final EventType[] TYPES = {
    EventType.VIEW,
    EventType.VIEW,
    EventType.VIEW,
    EventType.CLICK,
    EventType.ADD_TO_CART,
    EventType.PURCHASE
  };

  private final Fixture fixture;
  private final String prefix;
  private final int rate;
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopped;

  private Traffic(Fixture fixture, String prefix, int rate) {
    this.fixture = fixture;
    this.prefix = prefix;
    this.rate = rate;
    this.thread = new Thread(this::run, "traffic-" + prefix);
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts publishing {@code rate} events a second, ids {@code prefix-N}. */
  static Traffic start(Fixture fixture, String prefix, int rate) {
    return new Traffic(fixture, prefix, rate);
  }

  private void run() {
    SplittableRandom random = new SplittableRandom(prefix.hashCode());
    try (EventPublisher publisher = EventPublisher.create(
        PublisherConfig.of(fixture.kafka.bootstrapServers()), fixture.topics, Clock.systemUTC())) {
      long interval = 1_000_000_000L / rate;
      long next = System.nanoTime();
      for (long seq = 0; !stopped; seq++) {
        UserEvent event = UserEvent.newBuilder()
            .setEventId(prefix + "-" + seq)
            .setUserId(String.format("u%05d", random.nextInt(fixture.params.users())))
            .setItemId(String.format("i%05d", random.nextInt(fixture.params.items())))
            .setType(TYPES[random.nextInt(TYPES.length)])
            .setTimestamp(Instant.now())
            .build();
        publisher
            .send(event)
            .whenComplete((ack, e) -> (e == null ? acked : failed).incrementAndGet());
        next += interval;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      publisher.flush();
    }
  }

  long acked() {
    return acked.get();
  }

  long failed() {
    return failed.get();
  }

  /** Stops publishing and waits until every send was acknowledged or failed. */
  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.join(Duration.ofMinutes(1).toMillis());
  }
}
