package dev.recsys.features;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.intake.IntakeMetrics;
import dev.recsys.features.store.OnlineStore;
import dev.recsys.features.store.OnlineStoreWriter;
import dev.recsys.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
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
  private final KafkaStreams streams;
  private final OnlineStoreWriter writer;

  private final FeaturesConfig config;
  private final Topics topics;

  private FeaturesApp(KafkaStreams streams, OnlineStoreWriter writer, FeaturesConfig config,
      Topics topics) {
    this.streams = streams;
    this.writer = writer;
    this.config = config;
    this.topics = topics;
  }

  /** Starts the pipeline writing to {@code store}; the store stays the caller's to close. */
  public static FeaturesApp start(FeaturesConfig config, Topics topics, OnlineStore store,
      MeterRegistry registry) {
    requireNonNull(store, "store");
    KafkaStreams streams = new KafkaStreams(
        FeatureTopology.build(config, topics, new IntakeMetrics(registry)),
        config.streamsProperties());
    streams.setUncaughtExceptionHandler(e -> {
      log.error("feature pipeline thread failed; replacing it (state is restored from the "
          + "changelog, nothing is lost)", e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.start();
    OnlineStoreWriter writer = OnlineStoreWriter.start(config.bootstrapServers(),
        writerGroup(config), topics.featureLog(), store);
    log.info("feature pipeline {} started (feature set {}, state in {})", config.applicationId(),
        config.featureSet().namespace(), config.stateDir());
    return new FeaturesApp(streams, writer, config, topics);
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Records not yet in the online store: events the pipeline has not committed, plus feature
   * updates the writer has not applied. Zero means every committed event is in Redis.
   */
  public long lag(Admin admin) {
    return PipelineLag.of(admin, config.applicationId(), topics.events().name())
        + PipelineLag.of(admin, writerGroup(config), topics.featureLog().name());
  }

  static String writerGroup(FeaturesConfig config) {
    return config.applicationId() + "-online-writer";
  }

  @Override
  public void close() {
    writer.close();
    streams.close(CLOSE_TIMEOUT);
  }
}
