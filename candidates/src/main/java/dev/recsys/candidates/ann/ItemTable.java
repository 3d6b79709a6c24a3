package dev.recsys.candidates.ann;

import static java.util.Objects.requireNonNull;

import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Append-only ordinal table (id, vector, a liveness bit) plus the live id -> ordinal map.
 * Ordinals are never reused, so a removed item's vector stays readable for graph traversal while
 * it is filtered out. Safe for concurrent readers and writers.
 */
final class ItemTable implements RandomAccessVectorValues {

  static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();
  private static final int PAGE_BITS = 12;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;

  private final int dimensions;
  /** Whether the graph sees unit-length copies of the vectors (cosine as a dot product). */
  private final boolean unitVectors;

  private final List<AtomicReferenceArray<Slot>> pages = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();
  private volatile int upperBound;
  /**
   * The graph-form vectors (unit length for cosine), {@code PAGE_SIZE} to a page, back to back:
   * every score reads its vector from one contiguous block, not through a slot and its arrays.
   */
  private volatile VectorFloat<?>[] vectorPages = new VectorFloat<?>[0];
  /**
   * Which ordinals are served, a bit each, {@code PAGE_SIZE} to a page: the search asks for every
   * node that would enter its beam, and a slot read there cost a cache miss each (p50 96 against
   * 61 us with no check at all, 24-d trained embeddings, width 40).
   */
  private volatile AtomicLongArray[] livePages = new AtomicLongArray[0];

  ItemTable(int dimensions, boolean unitVectors) {
    if (dimensions <= 0) {
      throw new IllegalArgumentException("dimensions must be > 0, got " + dimensions);
    }
    this.dimensions = dimensions;
    this.unitVectors = unitVectors;
  }

  /**
   * The vector scaled to unit length (a zero vector stays zero): the dot product of two such is
   * their cosine, at a third of the arithmetic of a cosine.
   */
  static float[] unit(float[] vector) {
    double squared = 0;
    for (float v : vector) {
      squared += v * v;
    }
    float[] unit = vector.clone();
    if (squared > 0) {
      float scale = (float) (1 / Math.sqrt(squared));
      for (int i = 0; i < unit.length; i++) {
        unit[i] *= scale;
      }
    }
    return unit;
  }

  /** Stores the vector under a fresh ordinal, not yet live. */
  synchronized int append(String itemId, float[] vector) {
    requireNonNull(itemId, "itemId");
    checkDimensions(itemId, vector);
    int ordinal = upperBound;
    if ((ordinal >>> PAGE_BITS) == pages.size()) {
      pages.add(new AtomicReferenceArray<>(PAGE_SIZE));
      VectorFloat<?>[] grown = Arrays.copyOf(vectorPages, vectorPages.length + 1);
      grown[grown.length - 1] = VTS.createFloatVector(PAGE_SIZE * dimensions);
      vectorPages = grown;
      AtomicLongArray[] live = Arrays.copyOf(livePages, livePages.length + 1);
      live[live.length - 1] = new AtomicLongArray(PAGE_SIZE / Long.SIZE);
      livePages = live;
    }
    float[] copy = vector.clone();
    float[] graph = unitVectors ? unit(copy) : copy;
    vectorPage(ordinal).copyFrom(VTS.createFloatVector(graph), 0, offset(ordinal), dimensions);
    Slot slot = new Slot(itemId, copy);
    page(ordinal).set(ordinal & (PAGE_SIZE - 1), slot);
    upperBound = ordinal + 1;
    return ordinal;
  }

  /** Makes the ordinal the item's live one; returns the previous live ordinal, or -1. */
  int publish(int ordinal) {
    livePages[ordinal >>> PAGE_BITS].getAndAccumulate(
        (ordinal & (PAGE_SIZE - 1)) >>> 6, 1L << ordinal, (bits, bit) -> bits | bit);
    Integer previous = ordinals.put(slot(ordinal).itemId(), ordinal);
    if (previous != null) {
      kill(previous);
      return previous;
    }
    return -1;
  }

  /** Removes the item; returns its ordinal, or -1 if it was not live. */
  int remove(String itemId) {
    Integer ordinal = ordinals.remove(requireNonNull(itemId, "itemId"));
    if (ordinal == null) {
      return -1;
    }
    kill(ordinal);
    return ordinal;
  }

  private void kill(int ordinal) {
    livePages[ordinal >>> PAGE_BITS].getAndAccumulate(
        (ordinal & (PAGE_SIZE - 1)) >>> 6, ~(1L << ordinal), (bits, mask) -> bits & mask);
  }

  /** Whether the ordinal is its item's served one (published and not removed or replaced). */
  boolean live(int ordinal) {
    return (livePages[ordinal >>> PAGE_BITS].get((ordinal & (PAGE_SIZE - 1)) >>> 6)
            & (1L << ordinal))
        != 0;
  }

  Slot slot(int ordinal) {
    return page(ordinal).get(ordinal & (PAGE_SIZE - 1));
  }

  Optional<float[]> vectorOf(String itemId) {
    Integer ordinal = ordinals.get(itemId);
    return ordinal == null
        ? Optional.empty()
        : Optional.of(slot(ordinal).values().clone());
  }

  boolean contains(String itemId) {
    return ordinals.containsKey(itemId);
  }

  int liveCount() {
    return ordinals.size();
  }

  void checkDimensions(String what, float[] vector) {
    requireNonNull(vector, "vector");
    if (vector.length != dimensions) {
      throw new IllegalArgumentException("vector for '"
          + what
          + "' has "
          + vector.length
          + " dimensions; this index holds "
          + dimensions
          + "-dimensional vectors");
    }
  }

  private AtomicReferenceArray<Slot> page(int ordinal) {
    return pages.get(ordinal >>> PAGE_BITS);
  }

  /** The page holding the ordinal's graph-form vector; it starts at {@link #offset}. */
  VectorFloat<?> vectorPage(int ordinal) {
    return vectorPages[ordinal >>> PAGE_BITS];
  }

  int offset(int ordinal) {
    return (ordinal & (PAGE_SIZE - 1)) * dimensions;
  }

  @Override
  public int size() {
    return upperBound;
  }

  @Override
  public int dimension() {
    return dimensions;
  }

  /** A copy of the ordinal's graph-form vector (the builder's entry point for a new node). */
  @Override
  public VectorFloat<?> getVector(int ordinal) {
    VectorFloat<?> vector = VTS.createFloatVector(dimensions);
    vector.copyFrom(vectorPage(ordinal), offset(ordinal), 0, dimensions);
    return vector;
  }

  @Override
  public boolean isValueShared() {
    return false;
  }

  @Override
  public RandomAccessVectorValues copy() {
    return this;
  }
}
