package dev.recsys.features.stream;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.EntityModel;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureValues;
import dev.recsys.features.definition.Interaction;
import dev.recsys.features.log.FeatureUpdateEncoder;
import dev.recsys.features.log.FeatureUpdates;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies each interaction to its entity's state (kept in {@link EntityStates}: live objects
 * over a changelogged store, so exactly-once processing restores them exactly) and forwards it
 * with the entity's new features, keyed for the feature log. An interaction the state had already
 * applied (a duplicate event) is dropped and counted.
 */
public final class EntityFeatureProcessor<S>
    implements Processor<String, Interaction, String, Applied> {
  private final EntityModel<S> model;
  private final String storeName;
  private final Runnable duplicate;
  private final FeatureUpdateEncoder encoder;
  private ProcessorContext<String, Applied> context;
  private EntityStates<S> states;

  /** @param duplicate called for each interaction dropped as already applied */
  public EntityFeatureProcessor(
      EntityModel<S> model, FeatureSet featureSet, String storeName, Runnable duplicate) {
    this.model = requireNonNull(model, "model");
    this.storeName = requireNonNull(storeName, "storeName");
    this.duplicate = requireNonNull(duplicate, "duplicate");
    this.encoder = new FeatureUpdateEncoder(featureSet);
  }

  @Override
  public void init(ProcessorContext<String, Applied> context) {
    this.context = context;
    this.states = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Interaction> record) {
    Interaction interaction = record.value();
    String id = model.entityOf(interaction);
    S state = states.get(id);
    if (state == null) {
      state = model.empty();
    }
    if (!model.apply(state, interaction)) {
      duplicate.run();
      return;
    }
    states.put(id, state);
    FeatureValues values = model.values(state, id);
    context.forward(new Record<>(
        FeatureUpdates.key(values.kind(), id),
        new Applied(interaction, encoder.encode(values, interaction.eventId())),
        record.timestamp()));
  }
}
