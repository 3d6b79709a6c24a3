package dev.recsys.features;

import dev.recsys.features.definition.EntityModel;
import dev.recsys.features.intake.Intake;
import dev.recsys.features.intake.IntakeMetrics;
import dev.recsys.features.intake.IntakeProcessor;
import dev.recsys.features.stream.EntityFeatureProcessor;
import dev.recsys.features.stream.EntityStatesBuilder;
import dev.recsys.features.stream.Interactions;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.FeatureUpdate;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The feature pipeline as a pure function of its configuration:
 *
 * <pre>
 * events ─ intake ─┬─ refused ──────────────────────────────────────────▶ events.dlq
 *                  └─ accepted ─┬─ ⋈ catalog ─ user-features ──────────┐
 *                               └─ by item ─ ⋈ catalog ─ item-features ─┴▶ feature-log
 * </pre>
 *
 * The catalog is the items topic as a global table (an item's category as last known).
 */
public final class FeatureTopology {
  public static final String USER_STATE = "user-state";
  public static final String ITEM_STATE = "item-state";
  public static final String CATALOG = "catalog";
  public static final String EVENTS_BY_ITEM = "events-by-item";

  private FeatureTopology() {}

  /** The internal topic that re-keys events by item for the item features. */
  public static String repartitionTopic(String applicationId) {
    return applicationId + "-" + EVENTS_BY_ITEM + "-repartition";
  }

  public static Topology build(FeaturesConfig config, Topics topics, IntakeMetrics metrics) {
    StreamsBuilder builder = new StreamsBuilder();
    addStores(builder, config);
    GlobalKTable<String, ItemUpdate> catalog = builder.globalTable(topics.items().name(),
        Consumed.with(Serdes.String(), topics.items().valueSerde()).withName("items-source"),
        Materialized.<String, ItemUpdate, KeyValueStore<Bytes, byte[]>>as(CATALOG)
            .withKeySerde(Serdes.String()).withValueSerde(topics.items().valueSerde()));

    Map<String, KStream<String, Intake>> intake = builder
        .stream(topics.events().name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events-source"))
        .process(() -> new IntakeProcessor(config.intake(), metrics), Named.as("intake"),
            IntakeProcessor.EVENT_IDS_STORE, IntakeProcessor.WATERMARKS_STORE)
        .split(Named.as("intake-"))
        .branch((key, value) -> value instanceof Intake.Refused, Branched.as("refused"))
        .defaultBranch(Branched.as("accepted"));

    intake.get("intake-refused")
        .mapValues(value -> ((Intake.Refused) value).raw(), Named.as("refused-bytes"))
        .to(topics.eventsDlq().name(),
            Produced.with(Serdes.String(), Serdes.ByteArray()).withName("dead-letter-sink"));

    KStream<String, UserEvent> accepted = intake.get("intake-accepted")
        .mapValues(value -> ((Intake.Accepted) value).event(), Named.as("accepted-events"));

    KStream<String, FeatureUpdate> users = accepted
        .leftJoin(catalog, (user, event) -> event.getItemId(), Interactions::of,
            Named.as("user-events-with-category"))
        .process(() -> new EntityFeatureProcessor<>(EntityModel.USERS, config.featureSet(),
            USER_STATE), Named.as("user-features"), USER_STATE);

    KStream<String, FeatureUpdate> items = accepted
        .selectKey((user, event) -> event.getItemId(), Named.as("key-by-item"))
        .repartition(Repartitioned.<String, UserEvent>as(EVENTS_BY_ITEM)
            .withKeySerde(Serdes.String()).withValueSerde(topics.events().valueSerde()))
        .leftJoin(catalog, (item, event) -> item, Interactions::of,
            Named.as("item-events-with-category"))
        .process(() -> new EntityFeatureProcessor<>(EntityModel.ITEMS, config.featureSet(),
            ITEM_STATE), Named.as("item-features"), ITEM_STATE);

    users.merge(items, Named.as("feature-updates"))
        .to(topics.featureLog().name(), Produced.with(Serdes.String(),
            topics.featureLog().valueSerde()).withName("feature-log-sink"));
    return builder.build();
  }

  /**
   * The stores. The watermark store is cached and the entity states are live objects, so their
   * changelogs get the latest value per key once per commit instead of once per event; the
   * event-id store is not cached (its keys never repeat).
   */
  private static void addStores(StreamsBuilder builder, FeaturesConfig config) {
    Duration horizon = config.intake().dedupeHorizon();
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(IntakeProcessor.EVENT_IDS_STORE,
            horizon.plus(config.intake().grace()).multipliedBy(2), Duration.ofMillis(1), false),
        Serdes.String(), Serdes.Long()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(IntakeProcessor.WATERMARKS_STORE), Serdes.Integer(),
        Serdes.Long()).withCachingEnabled());
    builder.addStateStore(EntityStatesBuilder.persistent(USER_STATE, EntityModel.USERS));
    builder.addStateStore(EntityStatesBuilder.persistent(ITEM_STATE, EntityModel.ITEMS));
  }
}
