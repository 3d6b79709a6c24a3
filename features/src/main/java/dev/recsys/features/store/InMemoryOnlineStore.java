package dev.recsys.features.store;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.Trending;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The online store in a map, for tests of pure logic and for replay; no TTL. */
public final class InMemoryOnlineStore implements OnlineStore {
  private final Map<EntityKind, Map<String, FeatureVector>> vectors = Map.of(
      EntityKind.USER, new ConcurrentHashMap<>(), EntityKind.ITEM, new ConcurrentHashMap<>());

  @Override
  public void write(List<FeatureVector> batch) {
    batch.forEach(v -> vectors.get(v.kind()).put(v.id(), v));
  }

  @Override
  public OnlineFeatures read(String userId, Collection<String> itemIds) {
    Map<String, FeatureVector> items = new LinkedHashMap<>();
    for (String item : itemIds) {
      FeatureVector v = vectors.get(EntityKind.ITEM).get(item);
      if (v != null) {
        items.put(item, v);
      }
    }
    return new OnlineFeatures(Optional.ofNullable(vectors.get(EntityKind.USER).get(userId)), items);
  }

  @Override
  public List<String> trending(int n) {
    return vectors.get(EntityKind.ITEM).values().stream()
        .filter(v -> Trending.rank(v) > Double.NEGATIVE_INFINITY)
        .sorted(
            Comparator.comparingDouble(Trending::rank).reversed().thenComparing(FeatureVector::id))
        .limit(n)
        .map(FeatureVector::id)
        .toList();
  }

  @Override
  public void forEachUserId(Consumer<String> action) {
    vectors.get(EntityKind.USER).keySet().forEach(action);
  }

  @Override
  public void close() {}
}
