package dev.recsys.features.log;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topic;
import dev.recsys.schemas.avro.FeatureUpdate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the committed feature log and hands every item's new vector (of one feature set) to a
 * consumer, on one daemon thread: serving's item cache learns of a change as soon as the stream
 * commits it, without polling Redis. No consumer group: every serving instance reads every
 * partition. User updates are skipped by key, before they are decoded.
 *
 * <p>It starts {@link #REWIND} back rather than at the end: Redis is written from the log, after
 * it, so a change committed just before the start may not be in Redis yet when a reader first
 * asks; replaying the last minute delivers it anyway.
 *
 * <p>{@link #caughtUp()} is true while the broker answered an end-offsets check within
 * {@link #STALE_AFTER} and the feed was then less than {@link #MAX_LAG} records behind: the
 * cache may trust what it holds. When Kafka is unreachable or the feed falls behind it turns
 * false, and the cache goes back to expiring items.
 */
public final class ItemFeatureFeed implements AutoCloseable {
  static final Duration REWIND = Duration.ofMinutes(1);
  static final Duration STALE_AFTER = Duration.ofSeconds(3);
  static final long MAX_LAG = 10_000;
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(ItemFeatureFeed.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<FeatureUpdate> updates;
  private final String namespace;
  private final Consumer<FeatureVector> sink;
  private final List<TopicPartition> partitions;
  private final LongSupplier nanos;
  private final Thread thread;
  private volatile long caughtUpAt;
  private volatile boolean running = true;
  private long nextCheck;

  private ItemFeatureFeed(
      KafkaConsumer<String, byte[]> consumer,
      Deserializer<FeatureUpdate> updates,
      FeatureSet set,
      Consumer<FeatureVector> sink,
      List<TopicPartition> partitions,
      LongSupplier nanos) {
    this.consumer = consumer;
    this.updates = updates;
    this.namespace = set.namespace();
    this.sink = sink;
    this.partitions = partitions;
    this.nanos = nanos;
    this.caughtUpAt = nanos.getAsLong() - STALE_AFTER.toNanos() - 1;
    this.nextCheck = nanos.getAsLong();
    this.thread = new Thread(this::run, "item-feature-feed");
    this.thread.setDaemon(true);
  }

  /**
   * Starts following {@code featureLog} on {@code kafka}: items of {@code set} go to
   * {@code sink}, in log order per item.
   */
  public static ItemFeatureFeed start(
      KafkaConnection kafka,
      Topic<String, FeatureUpdate> featureLog,
      FeatureSet set,
      Consumer<FeatureVector> sink) {
    Map<String, Object> props = kafka.clientConfig();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        props, featureLog.keySerde().deserializer(), new ByteArrayDeserializer());
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(featureLog.name(), Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(featureLog.name(), p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        log.warn(
            "the feature log {} has no partitions (does it exist?); cached item features"
                + " will expire instead of following it",
            featureLog.name());
      }
      consumer.assign(partitions);
      rewind(consumer, partitions, System.currentTimeMillis() - REWIND.toMillis());
      ItemFeatureFeed feed = new ItemFeatureFeed(
          consumer,
          featureLog.valueSerde().deserializer(),
          requireNonNull(set, "set"),
          requireNonNull(sink, "sink"),
          partitions,
          System::nanoTime);
      feed.thread.start();
      log.info(
          "item features follow {} ({} partitions, from {} back)",
          featureLog.name(),
          partitions.size(),
          REWIND);
      return feed;
    } catch (KafkaException e) {
      consumer.close();
      throw new IllegalStateException(
          "cannot follow the feature log " + featureLog.name() + " on " + kafka
              + "; check kafka.bootstrap-servers and that the topic exists",
          e);
    }
  }

  private static void rewind(
      KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, long fromMillis) {
    Map<TopicPartition, Long> at = new HashMap<>();
    partitions.forEach(p -> at.put(p, fromMillis));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(at);
    List<TopicPartition> newer =
        partitions.stream().filter(p -> found.get(p) == null).toList();
    consumer.seekToEnd(newer);
    found.forEach((partition, offset) -> {
      if (offset != null) {
        consumer.seek(partition, offset.offset());
      }
    });
  }

  /**
   * Whether every item change up to a moment ago has been handed on (see the class comment);
   * never, for a log with no partitions to follow.
   */
  public boolean caughtUp() {
    return !partitions.isEmpty() && nanos.getAsLong() - caughtUpAt < STALE_AFTER.toNanos();
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          apply(record);
        }
        checkLag();
      }
    } catch (WakeupException e) {
      log.debug("item feature feed woken up to stop");
    } catch (RuntimeException e) {
      log.error("item feature feed stopped; cached item features now expire instead", e);
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null || record.key() == null || !record.key().startsWith("i:")) {
      return;
    }
    try {
      FeatureUpdate update = updates.deserialize(record.topic(), record.value());
      if (namespace.equals(update.getFeatureSet())) {
        sink.accept(FeatureUpdates.toVector(update));
      }
    } catch (RuntimeException e) {
      log.warn(
          "skipping feature update at {}/{}/{}",
          record.topic(),
          record.partition(),
          record.offset(),
          e);
    }
  }

  /** At most once per {@link #CHECK_EVERY}: asks the broker how far behind the feed is. */
  private void checkLag() {
    long now = nanos.getAsLong();
    if (now - nextCheck < 0) {
      return;
    }
    nextCheck = now + CHECK_EVERY.toNanos();
    try {
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, CHECK_EVERY);
      long lag = 0;
      for (TopicPartition partition : partitions) {
        lag += Math.max(0, ends.get(partition) - consumer.position(partition, CHECK_EVERY));
      }
      if (lag < MAX_LAG) {
        caughtUpAt = now;
      } else {
        log.debug("item feature feed is {} records behind", lag);
      }
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      log.debug("item feature feed cannot reach Kafka: {}", e.toString());
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
