package dev.recsys.serving.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.recsys.candidates.ann.ScoredItem;
import dev.recsys.serving.recommend.Explanation;
import dev.recsys.serving.recommend.Readiness;
import dev.recsys.serving.recommend.Recommendation;
import dev.recsys.serving.recommend.RecommendedItem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The JSON of the recommendation routes. NaN (a stage that did not run) is written as null. */
final class RecommendJson {
  private RecommendJson() {}

  static void write(Recommendation r, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("request_id", r.requestId());
    out.writeStringField("user_id", r.userId());
    out.writeStringField("model_version", r.modelVersion());
    out.writeArrayFieldStart("items");
    for (RecommendedItem item : r.items()) {
      item(item, out);
    }
    out.writeEndArray();
    out.writeNumberField("took_ms", r.tookMs());
    strings("degraded", r.degraded(), out);
    out.writeEndObject();
  }

  private static void item(RecommendedItem item, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("item_id", item.itemId());
    number("score", item.score(), out);
    out.writeNumberField("rank", item.rank());
    strings("sources", List.copyOf(new TreeSet<>(item.sources())), out);
    if (item.explanation().isPresent()) {
      explain(item.explanation().get(), out);
    }
    out.writeEndObject();
  }

  private static void explain(Explanation why, JsonGenerator out) throws IOException {
    out.writeObjectFieldStart("explain");
    out.writeObjectFieldStart("features");
    for (Map.Entry<String, Double> f : why.features().entrySet()) {
      number(f.getKey(), f.getValue(), out);
    }
    out.writeEndObject();
    out.writeObjectFieldStart("scores");
    number("retrieval", why.retrievalScore(), out);
    number("ranker", why.rankerScore(), out);
    number("final", why.finalScore(), out);
    out.writeEndObject();
    strings("rules", why.rules(), out);
    out.writeEndObject();
  }

  static void similar(String itemId, List<ScoredItem> items, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("item_id", itemId);
    out.writeArrayFieldStart("items");
    for (ScoredItem item : items) {
      out.writeStartObject();
      out.writeStringField("item_id", item.itemId());
      number("score", item.score(), out);
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  static void readiness(Readiness readiness, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("status", readiness.ready() ? "ready" : "not ready");
    strings("missing", readiness.missing(), out);
    out.writeEndObject();
  }

  private static void number(String name, double value, JsonGenerator out) throws IOException {
    if (Double.isFinite(value)) {
      out.writeNumberField(name, value);
    } else {
      out.writeNullField(name);
    }
  }

  private static void strings(String name, List<String> values, JsonGenerator out)
      throws IOException {
    out.writeArrayFieldStart(name);
    for (String value : values) {
      out.writeString(value);
    }
    out.writeEndArray();
  }
}
