package dev.recsys.schemas;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.avro.FeatureUpdate;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed recsys topics. Events are keyed by user id so that one user's events stay in order
 * on one partition; items by item id on a compacted topic; dead letters keep their raw bytes.
 */
public record Topics(
    Topic<String, UserEvent> events,
    Topic<String, ItemUpdate> items,
    Topic<byte[], byte[]> eventsDlq,
    Topic<String, Impression> impressions,
    Topic<String, FeatureUpdate> featureLog) {

  public Topics {
    requireNonNull(events, "events");
    requireNonNull(items, "items");
    requireNonNull(eventsDlq, "eventsDlq");
    requireNonNull(impressions, "impressions");
    requireNonNull(featureLog, "featureLog");
  }

  public static Topics named(TopicNames names) {
    return new Topics(
        new Topic<>(
            names.events(), Serdes.String(), new AvroSerde<>(Codecs.USER_EVENT), TopicKind.LOG),
        new Topic<>(
            names.items(),
            Serdes.String(),
            new AvroSerde<>(Codecs.ITEM_UPDATE),
            TopicKind.COMPACTED),
        new Topic<>(names.eventsDlq(), Serdes.ByteArray(), Serdes.ByteArray(), TopicKind.LOG),
        new Topic<>(
            names.impressions(),
            Serdes.String(),
            new AvroSerde<>(Codecs.IMPRESSION),
            TopicKind.LOG),
        new Topic<>(
            names.featureLog(),
            Serdes.String(),
            new AvroSerde<>(Codecs.FEATURE_UPDATE),
            TopicKind.LOG));
  }

  public static Topics defaults() {
    return named(TopicNames.DEFAULT);
  }

  /** Every topic, for provisioning. */
  public List<Topic<?, ?>> all() {
    return List.of(events, items, eventsDlq, impressions, featureLog);
  }
}
