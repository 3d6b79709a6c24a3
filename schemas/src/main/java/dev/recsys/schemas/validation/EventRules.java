package dev.recsys.schemas.validation;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract rules for user events and item updates: ids present and bounded, a known event
 * type, finite numbers, and a time that is neither before 1990 nor more than a day ahead of
 * {@code now}. The stream checks against the record's broker timestamp, so replays agree.
 */
public final class EventRules {
  private EventRules() {}

  /** Every broken rule of {@code event} judged at {@code now}; empty when it is valid. */
  public static List<Violation> check(UserEvent event, Instant now) {
    List<Violation> out = new ArrayList<>(2);
    Rules.id("event_id", event.getEventId(), out);
    Rules.id("user_id", event.getUserId(), out);
    Rules.id("item_id", event.getItemId(), out);
    if (event.getType() == null || event.getType() == EventType.UNKNOWN) {
      out.add(new Violation("type", "is not a known event type; use one of " + EventTypes.names()));
    }
    Rules.finite("value", event.getValue(), out);
    Rules.time("timestamp", event.getTimestamp(), now, out);
    if (event.getSessionId() != null) {
      Rules.id("session_id", event.getSessionId(), out);
    }
    if (event.getRequestId() != null) {
      Rules.id("request_id", event.getRequestId(), out);
    }
    Rules.entries("context", event.getContext(), out);
    return out;
  }

  /** Every broken rule of {@code item} judged at {@code now}; empty when it is valid. */
  public static List<Violation> check(ItemUpdate item, Instant now) {
    List<Violation> out = new ArrayList<>(2);
    Rules.id("item_id", item.getItemId(), out);
    if (item.getCategory() != null) {
      Rules.id("category", item.getCategory(), out);
    }
    if (item.getTags().size() > Rules.MAX_ENTRIES) {
      out.add(new Violation(
          "tags", "has " + item.getTags().size() + " tags; at most " + Rules.MAX_ENTRIES));
    }
    for (String tag : item.getTags()) {
      Rules.id("tags[]", tag, out);
    }
    if (item.getPrice() != null) {
      Rules.finite("price", item.getPrice(), out);
      if (item.getPrice() < 0) {
        out.add(new Violation("price", "must not be negative, got " + item.getPrice()));
      }
    }
    Rules.time("created_at", item.getCreatedAt(), now, out);
    Rules.time("updated_at", item.getUpdatedAt(), now, out);
    Rules.entries("attributes", item.getAttributes(), out);
    return out;
  }

  /** Throws {@link InvalidRecordException} naming every broken rule of {@code event}. */
  public static UserEvent require(UserEvent event, InstantSource clock) {
    requireNonNull(event, "event");
    List<Violation> violations = check(event, clock.instant());
    if (!violations.isEmpty()) {
      throw new InvalidRecordException("event '" + event.getEventId() + "'", violations);
    }
    return event;
  }

  /** Throws {@link InvalidRecordException} naming every broken rule of {@code item}. */
  public static ItemUpdate require(ItemUpdate item, InstantSource clock) {
    requireNonNull(item, "item");
    List<Violation> violations = check(item, clock.instant());
    if (!violations.isEmpty()) {
      throw new InvalidRecordException("item '" + item.getItemId() + "'", violations);
    }
    return item;
  }
}
