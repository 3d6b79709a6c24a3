package dev.recsys.testkit;

import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.json.EventJson;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event and item builders with sensible defaults at the fixed test time:
 * {@code Events.clicked("u1", "i1").plusSeconds(5).build()}.
 */
public final class Events {
  private Events() {}

  public static EventBuilder of(EventType type, String userId, String itemId) {
    return new EventBuilder(type, userId, itemId);
  }

  public static EventBuilder viewed(String userId, String itemId) {
    return of(EventType.VIEW, userId, itemId);
  }

  public static EventBuilder clicked(String userId, String itemId) {
    return of(EventType.CLICK, userId, itemId);
  }

  public static EventBuilder purchased(String userId, String itemId) {
    return of(EventType.PURCHASE, userId, itemId);
  }

  public static ItemBuilder item(String itemId) {
    return new ItemBuilder(itemId);
  }

  /** A user event; its id derives from its content unless set. */
  public static final class EventBuilder {
    private final EventType type;
    private final String userId;
    private final String itemId;
    private String eventId;
    private double value = 1.0;
    private Instant timestamp = TestClocks.FIXED.instant();
    private String sessionId;
    private String requestId;
    private final Map<String, String> context = new HashMap<>();

    private EventBuilder(EventType type, String userId, String itemId) {
      this.type = type;
      this.userId = userId;
      this.itemId = itemId;
    }

    public EventBuilder id(String id) {
      this.eventId = id;
      return this;
    }

    public EventBuilder value(double v) {
      this.value = v;
      return this;
    }

    public EventBuilder at(Instant t) {
      this.timestamp = t;
      return this;
    }

    public EventBuilder plusSeconds(long seconds) {
      this.timestamp = timestamp.plusSeconds(seconds);
      return this;
    }

    public EventBuilder session(String id) {
      this.sessionId = id;
      return this;
    }

    public EventBuilder request(String id) {
      this.requestId = id;
      return this;
    }

    public EventBuilder context(String key, String v) {
      context.put(key, v);
      return this;
    }

    public UserEvent build() {
      String id = eventId != null
          ? eventId
          : EventJson.contentId(userId, itemId, type, value, timestamp, sessionId);
      return new UserEvent(
          id, userId, itemId, type, value, timestamp, sessionId, Map.copyOf(context), requestId);
    }
  }

  /** A catalog item, available, created and updated at the fixed test time. */
  public static final class ItemBuilder {
    private final String itemId;
    private String category = "c01";
    private List<String> tags = List.of();
    private Double price = 10.0;
    private boolean available = true;
    private Instant createdAt = TestClocks.FIXED.instant();
    private Instant updatedAt = TestClocks.FIXED.instant();

    private ItemBuilder(String itemId) {
      this.itemId = itemId;
    }

    public ItemBuilder category(String c) {
      this.category = c;
      return this;
    }

    public ItemBuilder tags(String... t) {
      this.tags = List.of(t);
      return this;
    }

    public ItemBuilder price(Double p) {
      this.price = p;
      return this;
    }

    public ItemBuilder available(boolean a) {
      this.available = a;
      return this;
    }

    public ItemBuilder createdAt(Instant t) {
      this.createdAt = t;
      return this;
    }

    public ItemBuilder updatedAt(Instant t) {
      this.updatedAt = t;
      return this;
    }

    public ItemUpdate build() {
      return new ItemUpdate(
          itemId, category, tags, price, available, createdAt, updatedAt, Map.of());
    }
  }
}
