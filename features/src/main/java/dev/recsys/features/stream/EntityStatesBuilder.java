package dev.recsys.features.stream;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.EntityModel;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds {@link EntityStates} over a persistent, changelogged key-value store of bytes. The store
 * keeps its own live objects, so Kafka Streams' record cache underneath would only copy bytes.
 */
public final class EntityStatesBuilder<S> implements StoreBuilder<EntityStates<S>> {
  /** Decoded states kept besides the changed ones. */
  public static final int DEFAULT_LIVE_ENTITIES = 50_000;

  private final StoreBuilder<KeyValueStore<String, byte[]>> stored;
  private final EntityModel<S> model;
  private final int liveEntities;

  private EntityStatesBuilder(
      StoreBuilder<KeyValueStore<String, byte[]>> stored, EntityModel<S> model, int liveEntities) {
    this.stored = requireNonNull(stored, "stored");
    this.model = requireNonNull(model, "model");
    if (liveEntities < 1) {
      throw new IllegalArgumentException("liveEntities must be >= 1, got " + liveEntities);
    }
    this.liveEntities = liveEntities;
  }

  public static <S> EntityStatesBuilder<S> persistent(String name, EntityModel<S> model) {
    return new EntityStatesBuilder<>(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray()),
        model,
        DEFAULT_LIVE_ENTITIES);
  }

  @Override
  public EntityStatesBuilder<S> withCachingEnabled() {
    throw new UnsupportedOperationException(
        "entity states keep live objects; a record cache beneath them would only copy bytes");
  }

  @Override
  public EntityStatesBuilder<S> withCachingDisabled() {
    return this;
  }

  @Override
  public EntityStatesBuilder<S> withLoggingEnabled(Map<String, String> config) {
    stored.withLoggingEnabled(config);
    return this;
  }

  @Override
  public EntityStatesBuilder<S> withLoggingDisabled() {
    throw new UnsupportedOperationException(
        "entity states must be changelogged: exactly-once restores them from it");
  }

  @Override
  public EntityStates<S> build() {
    return new EntityStates<>(stored.build(), model, liveEntities);
  }

  @Override
  public Map<String, String> logConfig() {
    return stored.logConfig();
  }

  @Override
  public boolean loggingEnabled() {
    return stored.loggingEnabled();
  }

  @Override
  public String name() {
    return stored.name();
  }
}
