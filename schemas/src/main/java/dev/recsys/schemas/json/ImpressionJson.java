package dev.recsys.schemas.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ImpressionItem;
import java.io.IOException;

/** The JSON form of an {@link Impression}: what a response showed, in order. */
final class ImpressionJson {
  private ImpressionJson() {}

  public static void write(Impression impression, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("request_id", impression.getRequestId());
    out.writeStringField("user_id", impression.getUserId());
    out.writeStringField("model_version", impression.getModelVersion());
    out.writeNumberField("timestamp", impression.getTimestamp().toEpochMilli());
    out.writeArrayFieldStart("items");
    for (ImpressionItem item : impression.getItems()) {
      out.writeStartObject();
      out.writeStringField("item_id", item.getItemId());
      out.writeNumberField("position", item.getPosition());
      out.writeNumberField("score", item.getScore());
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
  }
}
