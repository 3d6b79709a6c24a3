package dev.recsys.features.stream;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.EntityModel;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.Interaction;
import dev.recsys.features.log.FeatureUpdates;
import dev.recsys.schemas.avro.FeatureUpdate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each interaction to its entity's state (kept in a changelogged store, so exactly-once
 * processing restores it exactly) and emits the entity's new feature vector to the feature log.
 * The states of recently active entities also stay decoded in a small LRU map: it only ever
 * holds what was last put in the store, and is dropped whenever the task is (re)initialised.
 */
public final class EntityFeatureProcessor<S>
    implements Processor<String, Interaction, String, FeatureUpdate> {
  static final int DECODED_ENTITIES = 10_000;
  private final EntityModel<S> model;
  private final FeatureSet featureSet;
  private final String storeName;
  private ProcessorContext<String, FeatureUpdate> context;
  private KeyValueStore<String, byte[]> states;
  private Map<String, S> decoded;

  public EntityFeatureProcessor(EntityModel<S> model, FeatureSet featureSet, String storeName) {
    this.model = requireNonNull(model, "model");
    this.featureSet = requireNonNull(featureSet, "featureSet");
    this.storeName = requireNonNull(storeName, "storeName");
  }

  @Override
  public void init(ProcessorContext<String, FeatureUpdate> context) {
    this.context = context;
    this.states = context.getStateStore(storeName);
    this.decoded = new LinkedHashMap<>(DECODED_ENTITIES, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
        return size() > DECODED_ENTITIES;
      }
    };
  }

  @Override
  public void process(Record<String, Interaction> record) {
    Interaction interaction = record.value();
    String id = model.entityOf(interaction);
    S state = decoded.get(id);
    if (state == null) {
      byte[] stored = states.get(id);
      state = stored == null ? model.empty() : read(stored);
      decoded.put(id, state);
    }
    model.apply(state, interaction);
    states.put(id, write(state));
    FeatureVector vector = model.features(state, id);
    context.forward(new Record<>(FeatureUpdates.key(vector.kind(), id),
        FeatureUpdates.of(vector, featureSet, interaction.eventId()), record.timestamp()));
  }

  private S read(byte[] bytes) {
    try {
      return model.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt feature state in " + storeName, e);
    }
  }

  private byte[] write(S state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try {
      model.write(state, new DataOutputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write feature state to " + storeName, e);
    }
    return bytes.toByteArray();
  }
}
