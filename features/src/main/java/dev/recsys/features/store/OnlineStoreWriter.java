package dev.recsys.features.store;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.log.FeatureUpdates;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topic;
import dev.recsys.schemas.avro.FeatureUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the committed feature log to the online store: poll, write the batch (last vector per
 * entity wins, so only that one is decoded), then commit. If the store fails, the batch is retried from the same offsets with
 * back-off; as writes are overwrites, a batch written twice leaves the same state.
 */
public final class OnlineStoreWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OnlineStoreWriter.class);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final int FETCH_WAIT_MS = 10;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<FeatureUpdate> updates;
  private final OnlineStore store;
  private final Thread thread;
  /** What this writer last committed, per partition. */
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  private volatile boolean running = true;

  private OnlineStoreWriter(
      KafkaConsumer<String, byte[]> consumer,
      Deserializer<FeatureUpdate> updates,
      OnlineStore store,
      String topic) {
    this.consumer = consumer;
    this.updates = updates;
    this.store = store;
    this.thread = new Thread(() -> run(topic), "online-store-writer");
  }

  public static OnlineStoreWriter start(
      KafkaConnection kafka,
      String groupId,
      Topic<String, FeatureUpdate> featureLog,
      OnlineStore store) {
    requireNonNull(store, "store");
    Map<String, Object> props = kafka.clientConfig();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_WAIT_MS);
    OnlineStoreWriter writer = new OnlineStoreWriter(
        new KafkaConsumer<>(
            props, featureLog.keySerde().deserializer(), new ByteArrayDeserializer()),
        featureLog.valueSerde().deserializer(),
        store,
        featureLog.name());
    writer.thread.start();
    return writer;
  }

  private void run(String topic) {
    try {
      consumer.subscribe(List.of(topic));
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
          writeWithRetry(records);
        } else {
          commitSkippedMarkers();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      consumer.close();
    }
  }

  /** Decodes only the last update of each entity in the batch: the others would be overwritten. */
  private void writeWithRetry(ConsumerRecords<String, byte[]> records) {
    Map<String, ConsumerRecord<String, byte[]>> last = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      last.put(record.key(), record);
    }
    List<FeatureVector> vectors = new ArrayList<>(last.size());
    for (ConsumerRecord<String, byte[]> record : last.values()) {
      vectors.add(FeatureUpdates.toVector(
          updates.deserialize(record.topic(), record.headers(), record.value())));
    }
    // The position, not the last offset + 1: it is past the transaction markers, so a caught-up
    // writer shows no lag on the transactional feature log.
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      next.put(partition, new OffsetAndMetadata(consumer.position(partition)));
    }
    Duration backoff = Duration.ofMillis(100);
    while (running) {
      try {
        store.write(vectors);
        consumer.commitSync(next);
        next.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        return;
      } catch (StoreUnavailableException e) {
        log.warn(
            "online store write of {} vectors failed, retrying in {}: {}",
            vectors.size(),
            backoff,
            e.getMessage());
        sleep(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
            ? MAX_BACKOFF
            : backoff.multipliedBy(2);
      }
    }
  }

  /**
   * An empty poll can still move the position past a transaction marker that followed the last
   * batch; commit that too, or a caught-up writer shows a lag of one forever.
   */
  private void commitSkippedMarkers() {
    Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
    for (TopicPartition partition : consumer.assignment()) {
      long position = consumer.position(partition);
      Long done = committed.get(partition);
      if (done != null && position > done) {
        moved.put(partition, new OffsetAndMetadata(position));
      }
    }
    if (!moved.isEmpty()) {
      consumer.commitSync(moved);
      moved.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
