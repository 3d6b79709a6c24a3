package dev.recsys.features;

import dev.recsys.features.definition.EntityModel;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.stream.Interactions;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference: the pure feature code run over all events in one pass, in their order. */
final class OnePass {
  private OnePass() {}

  static Map<String, FeatureVector> users(List<UserEvent> events, Map<String, ItemUpdate> catalog) {
    return run(EntityModel.USERS, events, catalog);
  }

  static Map<String, FeatureVector> items(List<UserEvent> events, Map<String, ItemUpdate> catalog) {
    return run(EntityModel.ITEMS, events, catalog);
  }

  private static <S> Map<String, FeatureVector> run(EntityModel<S> model, List<UserEvent> events,
      Map<String, ItemUpdate> catalog) {
    Map<String, S> states = new LinkedHashMap<>();
    for (UserEvent e : events) {
      var interaction = Interactions.of(e, catalog.get(e.getItemId()));
      model.apply(states.computeIfAbsent(model.entityOf(interaction), id -> model.empty()),
          interaction);
    }
    Map<String, FeatureVector> vectors = new LinkedHashMap<>();
    states.forEach((id, state) -> vectors.put(id, model.features(state, id)));
    return vectors;
  }
}
