package dev.recsys.features.definition;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.avro.EventType;

/** One of a user's last interactions: which item, how, and when (epoch ms). */
public record RecentInteraction(String itemId, EventType type, long timestamp) {
  public RecentInteraction {
    requireNonNull(itemId, "itemId");
    requireNonNull(type, "type");
  }
}
