package dev.recsys.features;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.schemas.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The feature pipeline's settings. More instances with the same {@code applicationId} share the
 * work (one task per events partition).
 */
public record FeaturesConfig(
    KafkaConnection kafka,
    String applicationId,
    Path stateDir,
    FeatureSet featureSet,
    IntakePolicy intake,
    Duration commitInterval,
    Duration sessionTimeout,
    int threads,
    Map<String, String> overrides) {
  public static final String DEFAULT_APPLICATION_ID = "recsys-features";
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
  /** How long a fetch waits for data; short, for freshness. */
  public static final int FETCH_WAIT_MS = 10;
  /** Kafka's default {@code session.timeout.ms}. */
  public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(45);

  private static final Duration MIN_SESSION_TIMEOUT = Duration.ofSeconds(6);
  private static final Duration MAX_SESSION_TIMEOUT = Duration.ofMinutes(30);

  public FeaturesConfig {
    requireNonNull(kafka, "kafka");
    requireNonNull(applicationId, "features.application-id");
    requireNonNull(stateDir, "features.state-dir");
    requireNonNull(featureSet, "features.set");
    requireNonNull(intake, "features.intake");
    requireNonNull(commitInterval, "features.commit-interval");
    checkSessionTimeout(requireNonNull(sessionTimeout, "features.session-timeout"));
    overrides = Map.copyOf(overrides);
    if (threads < 1) {
      throw new IllegalArgumentException("features.threads must be >= 1, got " + threads);
    }
  }

  public static FeaturesConfig of(KafkaConnection kafka, Path stateDir) {
    return new FeaturesConfig(
        kafka,
        DEFAULT_APPLICATION_ID,
        stateDir,
        FeatureSet.CORE_V1,
        IntakePolicy.DEFAULT,
        DEFAULT_COMMIT_INTERVAL,
        DEFAULT_SESSION_TIMEOUT,
        1,
        Map.of());
  }

  public FeaturesConfig withApplicationId(String id) {
    return new FeaturesConfig(
        kafka,
        id,
        stateDir,
        featureSet,
        intake,
        commitInterval,
        sessionTimeout,
        threads,
        overrides);
  }

  /** The grace period and de-duplication horizon the intake judges by. */
  public FeaturesConfig withIntake(IntakePolicy policy) {
    return new FeaturesConfig(
        kafka,
        applicationId,
        stateDir,
        featureSet,
        policy,
        commitInterval,
        sessionTimeout,
        threads,
        overrides);
  }

  public FeaturesConfig withFeatureSet(FeatureSet set) {
    return new FeaturesConfig(
        kafka,
        applicationId,
        stateDir,
        set,
        intake,
        commitInterval,
        sessionTimeout,
        threads,
        overrides);
  }

  /** Raw Kafka Streams settings, applied last (e.g. {@code consumer.session.timeout.ms}). */
  public FeaturesConfig withOverrides(Map<String, String> settings) {
    return new FeaturesConfig(
        kafka,
        applicationId,
        stateDir,
        featureSet,
        intake,
        commitInterval,
        sessionTimeout,
        threads,
        settings);
  }

  /**
   * How long an instance may go silent (killed, paused) before the group gives its partitions to
   * the others: Kafka's 45 s by default. Shorter fails over sooner; too short rebalances on a long
   * GC pause. Heartbeats go at a third of it, at least every 3 s.
   */
  public FeaturesConfig withSessionTimeout(Duration timeout) {
    return new FeaturesConfig(
        kafka,
        applicationId,
        stateDir,
        featureSet,
        intake,
        commitInterval,
        timeout,
        threads,
        overrides);
  }

  /**
   * The connection for the pipeline's own consumer groups (the online-store writer, the
   * archivers): they sit in the same process as the streams, so a killed instance's partitions
   * must move as soon in every group.
   */
  public KafkaConnection groupMemberConnection() {
    return kafka.with(groupMemberSettings());
  }

  private Map<String, String> groupMemberSettings() {
    return Map.of(
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
        String.valueOf(sessionTimeout.toMillis()),
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
        String.valueOf(Math.min(3_000, sessionTimeout.toMillis() / 3)));
  }

  /** {@code timeout} if the broker's default bounds allow it; else an error naming the key. */
  public static Duration checkSessionTimeout(Duration timeout) {
    if (timeout.compareTo(MIN_SESSION_TIMEOUT) < 0 || timeout.compareTo(MAX_SESSION_TIMEOUT) > 0) {
      throw new IllegalArgumentException("features.session-timeout must be between "
          + MIN_SESSION_TIMEOUT.toSeconds() + "s and " + MAX_SESSION_TIMEOUT.toMinutes()
          + "m (the broker's group.min/max.session.timeout.ms), got " + timeout);
    }
    return timeout;
  }

  public FeaturesConfig withThreads(int n) {
    return new FeaturesConfig(
        kafka,
        applicationId,
        stateDir,
        featureSet,
        intake,
        commitInterval,
        sessionTimeout,
        n,
        overrides);
  }

  /** The Kafka Streams properties; the one place they are built, for main and tests alike. */
  public Properties streamsProperties() {
    Map<String, Object> props = kafka.clientConfig();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 16L * 1024 * 1024);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    groupMemberSettings()
        .forEach((key, value) -> props.put(StreamsConfig.consumerPrefix(key), value));
    // read_committed fetches wait for the transaction end; do not also wait the default 500 ms
    // for more bytes, or every hop through a repartition topic costs half a second.
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), FETCH_WAIT_MS);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5_000);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    // Under exactly once, records become visible at the commit (every 100 ms), so lingering up to
    // 20 ms costs no freshness. Big batches mean fewer batches to compress, send, validate and
    // append: with the default 16 KiB and 5 ms, the pipeline took a fifth more CPU per event.
    props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    // With transactions v2 (Kafka 4.x), a first batch refused with CONCURRENT_TRANSACTIONS while
    // later batches were in flight left the producer in OUT_OF_ORDER_SEQUENCE retries here.
    props.put(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
    props.putAll(overrides);
    Properties properties = new Properties();
    properties.putAll(props);
    return properties;
  }
}
