package dev.recsys.serving.features;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.store.OnlineFeatures;
import dev.recsys.features.store.OnlineStore;
import dev.recsys.ingest.http.HttpJson;
import dev.recsys.schemas.validation.EventTypes;
import dev.recsys.serving.http.Params;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's or an item's online features as of now: the stored vector brought to the request
 * time ({@link FeatureVector#at}), exactly what ranking will see. 404 for an unknown entity.
 */
public final class FeatureRoutes {
  private final OnlineStore store;
  private final FeatureSet featureSet;
  private final InstantSource clock;

  public FeatureRoutes(OnlineStore store, FeatureSet featureSet, InstantSource clock) {
    this.store = requireNonNull(store, "store");
    this.featureSet = requireNonNull(featureSet, "featureSet");
    this.clock = requireNonNull(clock, "clock");
  }

  /** {@code GET /v1/users/{userId}/features}; blocks on Redis, so run it on a worker. */
  public HttpHandler user() {
    return exchange -> {
      String id = Params.id(exchange, "userId");
      respond(exchange, "user", id, store.read(id, List.of()).user());
    };
  }

  /** {@code GET /v1/items/{itemId}/features}; blocks on Redis, so run it on a worker. */
  public HttpHandler item() {
    return exchange -> {
      String id = Params.id(exchange, "itemId");
      OnlineFeatures read = store.read("", List.of(id));
      respond(exchange, "item", id, Optional.ofNullable(read.items().get(id)));
    };
  }

  private void respond(
      HttpServerExchange exchange, String kind, String id, Optional<FeatureVector> vector) {
    if (vector.isEmpty()) {
      HttpJson.error(
          exchange,
          StatusCodes.NOT_FOUND,
          "no features for " + kind + " '" + id + "' in " + featureSet.namespace()
              + ": it has no events yet (cold start)");
      return;
    }
    Instant now = clock.instant();
    FeatureVector current = vector.get().at(now.toEpochMilli());
    HttpJson.send(exchange, StatusCodes.OK, out -> write(kind, current, now, out));
  }

  private void write(String kind, FeatureVector v, Instant now, JsonGenerator out)
      throws IOException {
    out.writeStartObject();
    out.writeStringField(kind + "_id", v.id());
    out.writeStringField("feature_set", featureSet.namespace());
    out.writeStringField("updated_at", Instant.ofEpochMilli(v.updatedAt()).toString());
    out.writeStringField("as_of", now.toString());
    out.writeObjectFieldStart("features");
    for (Map.Entry<String, Double> feature : v.values().entrySet()) {
      out.writeNumberField(feature.getKey(), feature.getValue());
    }
    out.writeEndObject();
    if (!v.recent().isEmpty()) {
      out.writeArrayFieldStart("recent");
      for (RecentInteraction r : v.recent()) {
        out.writeStartObject();
        out.writeStringField("item_id", r.itemId());
        out.writeStringField("type", EventTypes.wireName(r.type()));
        out.writeStringField("timestamp", Instant.ofEpochMilli(r.timestamp()).toString());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }
}
