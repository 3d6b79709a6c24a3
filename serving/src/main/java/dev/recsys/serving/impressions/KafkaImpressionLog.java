package dev.recsys.serving.impressions;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topic;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ImpressionItem;
import dev.recsys.serving.recommend.ImpressionLog;
import dev.recsys.serving.recommend.RecommendMetrics;
import dev.recsys.serving.recommend.Recommendation;
import dev.recsys.serving.recommend.RecommendedItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs impressions to Kafka, keyed by user. {@link #log} only offers to a bounded buffer; one
 * daemon thread drains it into the producer. A full buffer drops the impression and counts it.
 */
public final class KafkaImpressionLog implements ImpressionLog, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaImpressionLog.class);
  public static final int DEFAULT_BUFFER = 10_000;
  private static final int BATCH = 500;
  private static final Duration DRAIN_WAIT = Duration.ofMillis(100);

  private final Producer<String, Impression> producer;
  private final String topic;
  private final BlockingQueue<Recommendation> buffer;
  private final RecommendMetrics metrics;
  private final Thread sender;
  private volatile boolean running = true;

  KafkaImpressionLog(
      Producer<String, Impression> producer, String topic, int capacity, RecommendMetrics metrics) {
    this.producer = producer;
    this.topic = topic;
    this.buffer = new ArrayBlockingQueue<>(capacity);
    this.metrics = metrics;
    this.sender = new Thread(this::drain, "impression-sender");
    this.sender.setDaemon(true);
    this.sender.start();
  }

  /** Starts logging to {@code impressions} on {@code kafka}, buffering up to {@code capacity}. */
  public static KafkaImpressionLog start(
      KafkaConnection kafka,
      Topic<String, Impression> impressions,
      int capacity,
      RecommendMetrics metrics) {
    Map<String, Object> props = kafka.clientConfig();
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    KafkaProducer<String, Impression> producer = new KafkaProducer<>(
        props, impressions.keySerde().serializer(), impressions.valueSerde().serializer());
    return new KafkaImpressionLog(
        producer, impressions.name(), capacity, requireNonNull(metrics, "metrics"));
  }

  @Override
  public void log(Recommendation recommendation) {
    if (!buffer.offer(recommendation)) {
      metrics.impressionDropped();
    }
  }

  /** The impression a response becomes. */
  public static Impression toImpression(Recommendation r) {
    List<ImpressionItem> items = new ArrayList<>(r.items().size());
    for (RecommendedItem item : r.items()) {
      items.add(new ImpressionItem(item.itemId(), item.rank(), (float) item.score()));
    }
    return new Impression(
        r.requestId(), r.userId(), items, r.modelVersion(), Instant.ofEpochMilli(r.timestamp()));
  }

  private void drain() {
    List<Recommendation> batch = new ArrayList<>(BATCH);
    while (running || !buffer.isEmpty()) {
      try {
        Recommendation first = buffer.poll(DRAIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        buffer.drainTo(batch, BATCH - 1);
        batch.forEach(this::send);
        metrics.impressionsSent(batch.size());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("could not hand {} impressions to Kafka; dropping them", batch.size(), e);
      } finally {
        batch.clear();
      }
    }
  }

  private void send(Recommendation r) {
    producer.send(new ProducerRecord<>(topic, r.userId(), toImpression(r)), (meta, error) -> {
      if (error != null) {
        log.warn(
            "impression {} was not written to {}: {}", r.requestId(), topic, error.getMessage());
      }
    });
  }

  @Override
  public void close() {
    running = false;
    try {
      sender.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
