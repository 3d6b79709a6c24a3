package dev.recsys.features.definition;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.avro.EventType;

/**
 * One user-item interaction as the features see it: an event joined with its item's category.
 *
 * @param category the item's category, or {@code null} when the catalog does not know the item
 * @param sessionId the session, or {@code null}
 */
public record Interaction(
    String eventId,
    String userId,
    String itemId,
    EventType type,
    double value,
    long timestamp,
    String sessionId,
    String category) {
  public Interaction {
    requireNonNull(eventId, "eventId");
    requireNonNull(userId, "userId");
    requireNonNull(itemId, "itemId");
    requireNonNull(type, "type");
  }
}
