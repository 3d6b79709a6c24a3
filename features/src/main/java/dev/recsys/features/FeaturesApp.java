package dev.recsys.features;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.intake.IntakeMetrics;
import dev.recsys.features.offline.OfflineConfig;
import dev.recsys.features.offline.OfflineLayout;
import dev.recsys.features.offline.OfflineStore;
import dev.recsys.features.store.OnlineStore;
import dev.recsys.features.store.OnlineStoreWriter;
import dev.recsys.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running feature pipeline: the Kafka Streams topology and the writer that applies the
 * feature log to the online store. Start more instances with the same application id to scale.
 */
public final class FeaturesApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeaturesApp.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final String WRITER_GROUP_SUFFIX = "-online-writer";
  private final KafkaStreams streams;
  private final OnlineStoreWriter writer;
  private final Optional<OfflineStore> offline;

  private final FeaturesConfig config;
  private final Topics topics;

  private FeaturesApp(
      KafkaStreams streams,
      OnlineStoreWriter writer,
      Optional<OfflineStore> offline,
      FeaturesConfig config,
      Topics topics) {
    this.streams = streams;
    this.writer = writer;
    this.offline = offline;
    this.config = config;
    this.topics = topics;
  }

  /** Starts the pipeline writing to {@code store}; the store stays the caller's to close. */
  public static FeaturesApp start(
      FeaturesConfig config, Topics topics, OnlineStore store, MeterRegistry registry) {
    return start(config, topics, store, Optional.empty(), registry);
  }

  /** Starts the pipeline, and the offline store archiving to Parquet when one is configured. */
  public static FeaturesApp start(
      FeaturesConfig config,
      Topics topics,
      OnlineStore store,
      Optional<OfflineConfig> offlineConfig,
      MeterRegistry registry) {
    requireNonNull(store, "store");
    KafkaStreams streams = new KafkaStreams(
        FeatureTopology.build(config, topics, new IntakeMetrics(registry)),
        config.streamsProperties());
    streams.setUncaughtExceptionHandler(e -> {
      log.error(
          "feature pipeline thread failed; replacing it (state is restored from the "
              + "changelog, nothing is lost)",
          e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.start();
    OnlineStoreWriter writer = OnlineStoreWriter.start(
        config.groupMemberConnection(), writerGroup(config), topics.featureLog(), store);
    Optional<OfflineStore> offline = offlineConfig.map(
        c -> OfflineStore.start(config.groupMemberConnection(), config.applicationId(), topics, c));
    log.info(
        "feature pipeline {} started (feature set {}, state in {}, offline store {})",
        config.applicationId(),
        config.featureSet().namespace(),
        config.stateDir(),
        offlineConfig.map(c -> c.dir().toString()).orElse("off"));
    return new FeaturesApp(streams, writer, offline, config, topics);
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Records not yet in the online store: events and re-keyed events the pipeline has not
   * committed, plus feature updates the writer has not applied. Zero (seen twice, as each stage
   * feeds the next) means every committed event is in Redis.
   */
  public long lag(Admin admin) {
    return lag(admin, config.applicationId(), topics);
  }

  /** {@link #lag(Admin)} of the pipeline {@code applicationId}, wherever it runs. */
  public static long lag(Admin admin, String applicationId, Topics topics) {
    long[] stages = {
      PipelineLag.of(admin, applicationId, topics.events().name()),
      PipelineLag.of(admin, applicationId, FeatureTopology.repartitionTopic(applicationId)),
      PipelineLag.of(
          admin, applicationId + WRITER_GROUP_SUFFIX, topics.featureLog().name())
    };
    long total = 0;
    for (long stage : stages) {
      if (stage == PipelineLag.NOT_STARTED) {
        return PipelineLag.NOT_STARTED;
      }
      total += stage;
    }
    return total;
  }

  /**
   * Records not yet archived to Parquet, over the three archived topics; files are written every
   * {@code offline.max-age} at the latest, so this falls to zero only at those moments.
   */
  public long offlineLag(Admin admin) {
    long total = 0;
    for (var dataset : Map.of(
            OfflineLayout.FEATURE_LOG,
            topics.featureLog().name(),
            OfflineLayout.EVENTS,
            topics.events().name(),
            OfflineLayout.ITEMS,
            topics.items().name())
        .entrySet()) {
      long lag = PipelineLag.of(
          admin, OfflineStore.group(config.applicationId(), dataset.getKey()), dataset.getValue());
      if (lag == PipelineLag.NOT_STARTED) {
        return PipelineLag.NOT_STARTED;
      }
      total += lag;
    }
    return total;
  }

  static String writerGroup(FeaturesConfig config) {
    return config.applicationId() + WRITER_GROUP_SUFFIX;
  }

  @Override
  public void close() {
    offline.ifPresent(OfflineStore::close);
    writer.close();
    streams.close(CLOSE_TIMEOUT);
  }
}
