package dev.recsys.ingest;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.KafkaConnection;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The publisher's producer: idempotent, {@code acks=all}, compressed, batching for a few
 * milliseconds, on the {@code kafka} connection (TLS, SASL). {@code overrides} are raw Kafka
 * producer settings applied last.
 */
public record PublisherConfig(
    KafkaConnection kafka,
    String compression,
    Duration linger,
    int batchBytes,
    Duration deliveryTimeout,
    Map<String, String> overrides) {
  public static final String DEFAULT_COMPRESSION = "lz4";
  public static final Duration DEFAULT_LINGER = Duration.ofMillis(5);
  public static final int DEFAULT_BATCH_BYTES = 256 * 1024;
  public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(30);

  public PublisherConfig {
    requireNonNull(kafka, "kafka");
    requireNonNull(compression, "kafka.producer.compression");
    requireNonNull(linger, "kafka.producer.linger");
    requireNonNull(deliveryTimeout, "kafka.producer.delivery-timeout");
    overrides = Map.copyOf(overrides);
    if (batchBytes < 1024) {
      throw new IllegalArgumentException("kafka.producer.batch-bytes must be at least 1024");
    }
  }

  /** Defaults for everything but the cluster. */
  public static PublisherConfig of(KafkaConnection kafka) {
    return new PublisherConfig(
        kafka,
        DEFAULT_COMPRESSION,
        DEFAULT_LINGER,
        DEFAULT_BATCH_BYTES,
        DEFAULT_DELIVERY_TIMEOUT,
        Map.of());
  }

  /** The producer properties; the one place they are built, for main and tests alike. */
  public Map<String, Object> producerProperties(String clientId) {
    Map<String, Object> props = kafka.clientConfig();
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    props.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
        Math.min(deliveryTimeout.toMillis() - linger.toMillis(), 30_000));
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.putAll(overrides);
    return props;
  }
}
