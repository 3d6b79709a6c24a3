package dev.recsys.features.stream;

import dev.recsys.features.definition.Interaction;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;

/** Turns an event and its catalog entry (which may be missing) into an {@link Interaction}. */
public final class Interactions {
  private Interactions() {}

  public static Interaction of(UserEvent event, ItemUpdate item) {
    return new Interaction(
        event.getEventId(),
        event.getUserId(),
        event.getItemId(),
        event.getType(),
        event.getValue(),
        event.getTimestamp().toEpochMilli(),
        event.getSessionId(),
        item == null ? null : item.getCategory());
  }
}
