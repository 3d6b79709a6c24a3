package dev.recsys.features.stream;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.EntityModel;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * Entity states as live objects over a changelogged store of their bytes. A changed state is
 * encoded once per commit, not once per event: Kafka Streams flushes every {@link
 * CachedStateStore} before it flushes the producer and commits, so the changelog records of the
 * dirty states go out in the same transaction as the input offsets and the feature-log records
 * (the way its own record cache does). Recently used clean states stay decoded, at most {@code
 * liveEntities}; every state is dropped when the task is (re)initialised or closed.
 *
 * <p>{@link CachedStateStore} is a Kafka Streams internal interface: it is the only hook that
 * runs inside the commit ({@link StateStore#flush()} runs after it). {@code
 * FeatureTopologyTest.shouldChangelogTheChangedStatesAtEachCommit} fails if a Kafka Streams
 * upgrade stops calling it.
 */
public final class EntityStates<S> implements StateStore, CachedStateStore<String, S> {
  private final KeyValueStore<String, byte[]> stored;
  private final EntityModel<S> model;
  private final int liveEntities;
  private final Map<String, S> dirty = new HashMap<>();
  private final StateOutput output = new StateOutput();
  private Map<String, S> live = Map.of();

  EntityStates(KeyValueStore<String, byte[]> stored, EntityModel<S> model, int liveEntities) {
    this.stored = requireNonNull(stored, "stored");
    this.model = requireNonNull(model, "model");
    this.liveEntities = liveEntities;
  }

  /** The entity's state (live: change it, then {@link #put} it), or null if it has none. */
  public S get(String id) {
    S state = live.get(id);
    if (state == null) {
      state = dirty.get(id);
    }
    if (state == null) {
      byte[] bytes = stored.get(id);
      if (bytes == null) {
        return null;
      }
      state = decode(bytes);
      live.put(id, state);
    }
    return state;
  }

  /** Marks the entity's state changed: it reaches the changelog at the next commit. */
  public void put(String id, S state) {
    live.put(id, state);
    dirty.put(id, state);
  }

  @Override
  public void flushCache() {
    for (Map.Entry<String, S> entry : dirty.entrySet()) {
      stored.put(entry.getKey(), encode(entry.getValue()));
    }
    dirty.clear();
    if (stored instanceof CachedStateStore<?, ?> cached) {
      cached.flushCache();
    }
  }

  @Override
  public void clearCache() {
    dirty.clear();
    live.clear();
  }

  @Override
  public boolean setFlushListener(CacheFlushListener<String, S> listener, boolean sendOld) {
    return false;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    live = newLive(liveEntities);
    dirty.clear();
    stored.init(context, root);
  }

  private static <S> Map<String, S> newLive(int capacity) {
    return new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public String name() {
    return stored.name();
  }

  @Override
  public void flush() {
    stored.flush();
  }

  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    stored.commit(changelogOffsets);
  }

  @Override
  public boolean managesOffsets() {
    return stored.managesOffsets();
  }

  @Override
  public Long committedOffset(TopicPartition partition) {
    return stored.committedOffset(partition);
  }

  @Override
  public Position getPosition() {
    return stored.getPosition();
  }

  @Override
  public void close() {
    clearCache();
    stored.close();
  }

  @Override
  public boolean persistent() {
    return stored.persistent();
  }

  @Override
  public boolean isOpen() {
    return stored.isOpen();
  }

  private S decode(byte[] bytes) {
    try {
      return model.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt feature state in " + name(), e);
    }
  }

  private byte[] encode(S state) {
    output.reset();
    try {
      model.write(state, output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write feature state to " + name(), e);
    }
    return output.toByteArray();
  }
}
