package dev.recsys.features.offline;

import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The running offline store: one archiver each for the feature log, the raw events and the
 * catalog, in consumer group {@code <groupPrefix>-offline-<dataset>}.
 */
public final class OfflineStore implements AutoCloseable {
  private final List<OfflineArchiver<?>> archivers;

  private OfflineStore(List<OfflineArchiver<?>> archivers) {
    this.archivers = archivers;
  }

  public static OfflineStore start(
      KafkaConnection kafka, String groupPrefix, Topics topics, OfflineConfig config) {
    OfflineArchiver<?> features = archiver(kafka, groupPrefix, FeatureLogRows.INSTANCE, config);
    OfflineArchiver<?> events = archiver(kafka, groupPrefix, EventRows.INSTANCE, config);
    OfflineArchiver<?> items = archiver(kafka, groupPrefix, ItemRows.INSTANCE, config);
    features.start(topics.featureLog().name());
    events.start(topics.events().name());
    items.start(topics.items().name());
    return new OfflineStore(List.of(features, events, items));
  }

  /** The consumer group archiving a dataset, for lag checks. */
  public static String group(String groupPrefix, String dataset) {
    return groupPrefix + "-offline-" + dataset;
  }

  private static <T extends SpecificRecord> OfflineArchiver<T> archiver(
      KafkaConnection kafka, String groupPrefix, RowFormat<T> format, OfflineConfig config) {
    Map<String, Object> props = kafka.clientConfig();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group(groupPrefix, format.dataset()));
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    return new OfflineArchiver<>(
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
        format,
        config);
  }

  @Override
  public void close() {
    archivers.forEach(OfflineArchiver::close);
  }
}
