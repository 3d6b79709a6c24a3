package dev.recsys.benchmarks.chaos;

import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * New events for the data set's users and items, stamped now and with ids of their own ({@code
 * prefix-N}), published at a steady rate by the Java client on a thread of its own until closed.
 * Every id sent and every id Kafka acknowledged is kept, for reading back from the topic.
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
  private final Duration deliveryTimeout;
  private final Set<String> sent = ConcurrentHashMap.newKeySet();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopped;

  private Traffic(Fixture fixture, String prefix, int rate, Duration deliveryTimeout) {
    this.fixture = fixture;
    this.prefix = prefix;
    this.rate = rate;
    this.deliveryTimeout = deliveryTimeout;
    this.thread = new Thread(this::run, "traffic-" + prefix);
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts publishing {@code rate} events a second with the publisher's defaults. */
  static Traffic start(Fixture fixture, String prefix, int rate) {
    return start(fixture, prefix, rate, PublisherConfig.DEFAULT_DELIVERY_TIMEOUT);
  }

  /** The same, each send failing in the client once {@code deliveryTimeout} passed. */
  static Traffic start(Fixture fixture, String prefix, int rate, Duration deliveryTimeout) {
    return new Traffic(fixture, prefix, rate, deliveryTimeout);
  }

  private void run() {
    SplittableRandom random = new SplittableRandom(prefix.hashCode());
    PublisherConfig defaults = PublisherConfig.of(fixture.kafka.connection());
    PublisherConfig config = new PublisherConfig(
        defaults.kafka(),
        defaults.compression(),
        defaults.linger(),
        defaults.batchBytes(),
        deliveryTimeout,
        defaults.overrides());
    try (EventPublisher publisher =
        EventPublisher.create(config, fixture.topics, Clock.systemUTC())) {
      long interval = 1_000_000_000L / rate;
      long next = System.nanoTime();
      for (long seq = 0; !stopped; seq++) {
        String id = prefix + "-" + seq;
        UserEvent event = UserEvent.newBuilder()
            .setEventId(id)
            .setUserId(String.format("u%05d", random.nextInt(fixture.params.users())))
            .setItemId(String.format("i%05d", random.nextInt(fixture.params.items())))
            .setType(TYPES[random.nextInt(TYPES.length)])
            .setTimestamp(Instant.now())
            .build();
        sent.add(id);
        try {
          publisher.send(event).whenComplete((ack, e) -> {
            if (e == null) {
              acked.add(id);
            } else {
              failed.incrementAndGet();
            }
          });
        } catch (RuntimeException e) {
          refused.incrementAndGet();
        }
        next += interval;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      publisher.flush();
    }
  }

  /** Ids sent (complete once closed). */
  Set<String> sent() {
    return sent;
  }

  /** Ids Kafka acknowledged (complete once closed). */
  Set<String> acked() {
    return acked;
  }

  /** Sends that failed in the client after they were handed over. */
  long failed() {
    return failed.get();
  }

  /** Sends the client refused at once. */
  long refused() {
    return refused.get();
  }

  /** Stops publishing and waits until every send was acknowledged or failed. */
  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.join(Duration.ofMinutes(1).toMillis());
  }
}
