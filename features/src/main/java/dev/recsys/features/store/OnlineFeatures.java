package dev.recsys.features.store;

import dev.recsys.features.definition.FeatureVector;
import java.util.Map;
import java.util.Optional;

/** What the online store holds for one request: the user's vector, if any, and items' vectors. */
public record OnlineFeatures(Optional<FeatureVector> user, Map<String, FeatureVector> items) {
  public OnlineFeatures {
    items = Map.copyOf(items);
  }
}
