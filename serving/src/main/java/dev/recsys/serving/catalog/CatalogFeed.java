package dev.recsys.serving.catalog;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topic;
import dev.recsys.schemas.avro.ItemUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted items topic from the beginning into a {@link MemoryCatalog}, then follows
 * it, on one daemon thread. No consumer group: every serving instance reads the whole topic.
 * A record that cannot be read is logged with its topic/partition/offset and skipped.
 */
public final class CatalogFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CatalogFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, ItemUpdate> consumer;
  private final MemoryCatalog catalog;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  private CatalogFeed(KafkaConsumer<String, ItemUpdate> consumer, MemoryCatalog catalog) {
    this.consumer = consumer;
    this.catalog = catalog;
    this.thread = new Thread(this::run, "catalog-feed");
    this.thread.setDaemon(true);
  }

  /** Starts following {@code items} on {@code kafka} into {@code catalog}. */
  public static CatalogFeed start(
      KafkaConnection kafka, Topic<String, ItemUpdate> items, MemoryCatalog catalog) {
    Map<String, Object> props = kafka.clientConfig();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, ItemUpdate> consumer = new KafkaConsumer<>(
        props, items.keySerde().deserializer(), items.valueSerde().deserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(items.name(), Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(items.name(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    CatalogFeed feed = new CatalogFeed(consumer, requireNonNull(catalog, "catalog"));
    feed.thread.start();
    log.info("catalog follows {} ({} partitions)", items.name(), partitions.size());
    return feed;
  }

  /** The item an update describes as serving sees it. */
  public static CatalogItem toItem(ItemUpdate update) {
    return new CatalogItem(
        update.getItemId(),
        Optional.ofNullable(update.getCategory()),
        update.getAvailable(),
        update.getCreatedAt().toEpochMilli());
  }

  private void run() {
    try {
      while (running.get()) {
        for (ConsumerRecord<String, ItemUpdate> record : consumer.poll(POLL)) {
          apply(record);
        }
      }
    } catch (WakeupException e) {
      log.debug("catalog feed woken up to stop");
    } catch (RuntimeException e) {
      log.error("catalog feed stopped; the catalog no longer follows the items topic", e);
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, ItemUpdate> record) {
    if (record.value() == null) {
      return;
    }
    try {
      catalog.apply(toItem(record.value()));
    } catch (RuntimeException e) {
      log.warn(
          "skipping item update at {}/{}/{}",
          record.topic(),
          record.partition(),
          record.offset(),
          e);
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
