package dev.recsys.schemas.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.validation.Violation;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of an {@link ItemUpdate}. {@code available} defaults to true; a missing
 * {@code updated_at} takes {@code receivedAt} (when the update reached us), and a missing
 * {@code created_at} takes the update time.
 */
public final class ItemJson {
  private static final Set<String> FIELDS = Set.of(
      "item_id",
      "category",
      "tags",
      "price",
      "available",
      "created_at",
      "updated_at",
      "attributes");

  private ItemJson() {}

  public static Parsed<ItemUpdate> read(JsonNode node, Instant receivedAt) {
    if (node == null || !node.isObject()) {
      return Parsed.rejected(List.of(new Violation("$", "must be a JSON object")));
    }
    JsonFields fields = new JsonFields(node);
    fields.rejectUnknown(FIELDS);
    String itemId = fields.requiredString("item_id");
    String category = fields.string("category");
    List<String> tags = fields.stringList("tags");
    Double price = fields.number("price");
    Boolean available = fields.bool("available");
    Instant createdAt = fields.instant("created_at");
    Instant updatedAt = fields.instant("updated_at");
    Map<String, String> attributes = fields.stringMap("attributes");
    if (!fields.violations().isEmpty()) {
      return Parsed.rejected(fields.violations());
    }
    Instant updated = updatedAt == null ? receivedAt : updatedAt;
    return Parsed.ok(new ItemUpdate(
        itemId,
        category,
        tags,
        price,
        available == null || available,
        createdAt == null ? updated : createdAt,
        updated,
        attributes));
  }

  public static void write(ItemUpdate item, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("item_id", item.getItemId());
    if (item.getCategory() != null) {
      out.writeStringField("category", item.getCategory());
    }
    out.writeArrayFieldStart("tags");
    for (String tag : item.getTags()) {
      out.writeString(tag);
    }
    out.writeEndArray();
    if (item.getPrice() != null) {
      out.writeNumberField("price", item.getPrice());
    }
    out.writeBooleanField("available", item.getAvailable());
    out.writeNumberField("created_at", item.getCreatedAt().toEpochMilli());
    out.writeNumberField("updated_at", item.getUpdatedAt().toEpochMilli());
    if (!item.getAttributes().isEmpty()) {
      JsonWriting.writeMap("attributes", item.getAttributes(), out);
    }
    out.writeEndObject();
  }
}
