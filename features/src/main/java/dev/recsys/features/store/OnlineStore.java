package dev.recsys.features.store;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.Trending;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

  /**
   * As {@link #read}, without blocking the caller: Redis completes it on its I/O thread. By
   * default the read runs on the caller's thread, which suits stores in memory; a store that can
   * block must override the async reads. Failures complete it exceptionally.
   */
  default CompletableFuture<OnlineFeatures> readAsync(String userId, Collection<String> itemIds) {
    return now(() -> read(userId, itemIds));
  }

  /** As {@link #readItems}, without blocking the caller where the store can. */
  default CompletableFuture<Map<String, FeatureVector>> readItemsAsync(Collection<String> itemIds) {
    return now(() -> readItems(itemIds));
  }

  /** As {@link #trending}, without blocking the caller where the store can. */
  default CompletableFuture<List<String>> trendingAsync(int n) {
    return now(() -> trending(n));
  }

  private static <T> CompletableFuture<T> now(Supplier<T> read) {
    try {
      return CompletableFuture.completedFuture(read.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Every user with a vector, in no particular order (for batch jobs; not for requests). */
  void forEachUserId(Consumer<String> action);

  /** Up to {@code n} users with a vector, in no particular order (e.g. to warm a server up). */
  default List<String> someUserIds(int n) {
    List<String> ids = new ArrayList<>();
    forEachUserId(id -> {
      if (ids.size() < n) {
        ids.add(id);
      }
    });
    return ids;
  }

  @Override
  void close();
}
