package dev.recsys.ingest.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.recsys.ingest.batch.BatchResult;
import dev.recsys.ingest.batch.Rejection;
import java.io.IOException;
import java.util.List;

/**
 * {@code {"accepted": 2, "ids": [...], "rejected": [{"index", "field", "reason"}],
 * "failed": [...]}}.
 */
final class BatchResultJson {
  private BatchResultJson() {}

  static void write(BatchResult result, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeNumberField("accepted", result.accepted());
    out.writeArrayFieldStart("ids");
    for (String id : result.acceptedIds()) {
      out.writeString(id);
    }
    out.writeEndArray();
    writeRejections("rejected", result.rejected(), out);
    writeRejections("failed", result.failed(), out);
    out.writeEndObject();
  }

  private static void writeRejections(String field, List<Rejection> rows, JsonGenerator out)
      throws IOException {
    out.writeArrayFieldStart(field);
    for (Rejection row : rows) {
      out.writeStartObject();
      out.writeNumberField("index", row.index());
      out.writeStringField("field", row.field());
      out.writeStringField("reason", row.reason());
      out.writeEndObject();
    }
    out.writeEndArray();
  }
}
