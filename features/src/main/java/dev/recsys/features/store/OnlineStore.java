package dev.recsys.features.store;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.Trending;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The latest feature vector per entity. Writes replace an entity's whole vector, so writing the
 * same vectors again (a replayed batch) leaves the store as it was: nothing is double-counted.
 */
public interface OnlineStore extends AutoCloseable {

  /** Replaces the stored vector of each entity; later vectors in the list win. */
  void write(List<FeatureVector> vectors);

  /** A user's vector and those of {@code itemIds}, in one round trip; absent ones are missing. */
  OnlineFeatures read(String userId, Collection<String> itemIds);

  /** Only the vectors of {@code itemIds} that exist, in one round trip. */
  default Map<String, FeatureVector> readItems(Collection<String> itemIds) {
    return read("", itemIds).items();
  }

  /** Up to {@code n} item ids, the most trending now first (see {@link Trending}). */
  List<String> trending(int n);

  /** Every user with a vector, in no particular order (for batch jobs; not for requests). */
  void forEachUserId(Consumer<String> action);

  @Override
  void close();
}
