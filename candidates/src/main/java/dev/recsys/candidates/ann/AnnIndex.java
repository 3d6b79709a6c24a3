package dev.recsys.candidates.ann;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Nearest-neighbour index over item vectors, keyed by item id. Thread-safe: searches run
 * concurrently with {@link #upsert} and {@link #remove}, which take effect immediately; a removed
 * item is never returned by a search that starts after {@code remove} returns, even before any
 * rebuild.
 */
public interface AnnIndex {

  /** The k items closest to {@code query} that {@code filter} accepts, best first. */
  AnnResult search(float[] query, int k, ItemFilter filter, int searchWidth);

  /** As {@link #search(float[], int, ItemFilter, int)} with the index's default width for k. */
  AnnResult search(float[] query, int k, ItemFilter filter);

  /** Adds the item, or replaces its vector. */
  void upsert(String itemId, float[] vector);

  /** Removes the item; returns false if it was not there. */
  boolean remove(String itemId);

  /** A copy of the item's vector, if the item is live. */
  Optional<float[]> vector(String itemId);

  /** Whether the item is live (upserted and not removed). */
  boolean contains(String itemId);

  /** Number of live items. */
  int size();

  int dimensions();

  AnnParams params();

  /** Writes the index into {@code dir} (created if missing); {@link #load} reads it back. */
  void save(Path dir);

  /** A JVector graph index over the given items, built in parallel. */
  static AnnIndex graph(int dimensions, List<String> ids, List<float[]> vectors, AnnParams params) {
    return JVectorIndex.build(dimensions, ids, vectors, params);
  }

  /** An exact brute-force index: slow on large catalogs, the reference for recall. */
  static AnnIndex exact(
      int dimensions, List<String> ids, List<float[]> vectors, Similarity similarity) {
    return ExactIndex.create(
        dimensions, ids, vectors, AnnParams.DEFAULT.withSimilarity(similarity));
  }

  /** Reads an index written by {@link #save}, graph or exact. */
  static AnnIndex load(Path dir) {
    return IndexFiles.load(dir);
  }
}
