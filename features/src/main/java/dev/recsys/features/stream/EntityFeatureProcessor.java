package dev.recsys.features.stream;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.EntityModel;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.Interaction;
import dev.recsys.features.log.FeatureUpdates;
import dev.recsys.schemas.avro.FeatureUpdate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies each interaction to its entity's state (kept in {@link EntityStates}: live objects
 * over a changelogged store, so exactly-once processing restores them exactly) and emits the
 * entity's new feature vector to the feature log.
 */
public final class EntityFeatureProcessor<S>
    implements Processor<String, Interaction, String, FeatureUpdate> {
  private final EntityModel<S> model;
  private final FeatureSet featureSet;
  private final String storeName;
  private ProcessorContext<String, FeatureUpdate> context;
  private EntityStates<S> states;

  public EntityFeatureProcessor(EntityModel<S> model, FeatureSet featureSet, String storeName) {
    this.model = requireNonNull(model, "model");
    this.featureSet = requireNonNull(featureSet, "featureSet");
    this.storeName = requireNonNull(storeName, "storeName");
  }

  @Override
  public void init(ProcessorContext<String, FeatureUpdate> context) {
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
    model.apply(state, interaction);
    states.put(id, state);
    FeatureVector vector = model.features(state, id);
    context.forward(new Record<>(FeatureUpdates.key(vector.kind(), id),
        FeatureUpdates.of(vector, featureSet, interaction.eventId()), record.timestamp()));
  }
}
