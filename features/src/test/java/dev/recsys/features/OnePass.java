package dev.recsys.features;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.Interaction;
import dev.recsys.features.definition.ItemState;
import dev.recsys.features.definition.UserState;
import dev.recsys.features.stream.Interactions;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference: the pure feature code run over all events in one pass, in their order. An item
 * takes what its user accepted, as in the stream.
 */
final class OnePass {
  private final Map<String, UserState> users = new LinkedHashMap<>();
  private final Map<String, ItemState> items = new LinkedHashMap<>();

  private OnePass(List<UserEvent> events, Map<String, ItemUpdate> catalog) {
    for (UserEvent e : events) {
      Interaction interaction = Interactions.of(e, catalog.get(e.getItemId()));
      if (users.computeIfAbsent(e.getUserId(), id -> new UserState()).apply(interaction)) {
        items.computeIfAbsent(e.getItemId(), id -> new ItemState()).apply(interaction);
      }
    }
  }

  static Map<String, FeatureVector> users(List<UserEvent> events, Map<String, ItemUpdate> catalog) {
    Map<String, FeatureVector> vectors = new LinkedHashMap<>();
    new OnePass(events, catalog).users.forEach((id, state) -> vectors.put(id, state.features(id)));
    return vectors;
  }

  static Map<String, FeatureVector> items(List<UserEvent> events, Map<String, ItemUpdate> catalog) {
    Map<String, FeatureVector> vectors = new LinkedHashMap<>();
    new OnePass(events, catalog).items.forEach((id, state) -> vectors.put(id, state.features(id)));
    return vectors;
  }
}
