package dev.recsys.schemas.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Small pieces shared by the JSON writers. */
final class JsonWriting {
  private JsonWriting() {}

  static void writeMap(String field, Map<String, String> map, JsonGenerator out)
      throws IOException {
    out.writeObjectFieldStart(field);
    for (Map.Entry<String, String> entry : new TreeMap<>(map).entrySet()) {
      out.writeStringField(entry.getKey(), entry.getValue());
    }
    out.writeEndObject();
  }
}
