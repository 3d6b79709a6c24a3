package dev.recsys.candidates.ann;

import java.util.Arrays;

/**
 * A binary min-heap of (score, node) pairs packed into longs, so a push or a pop moves primitives
 * only. The score's bits are made sortable as a signed int in the high half and the node fills
 * the low half, so comparing two keys compares scores first, then nodes. {@link #max} flips every
 * key to make the same heap pop the best score first. Grows as needed; reused across queries.
 */
final class NodeHeap {
  private final boolean max;
  private long[] keys = new long[64];
  private int size;

  private NodeHeap(boolean max) {
    this.max = max;
  }

  /** Pops the lowest score first. */
  static NodeHeap min() {
    return new NodeHeap(false);
  }

  /** Pops the highest score first. */
  static NodeHeap max() {
    return new NodeHeap(true);
  }

  static long key(float score, int node) {
    int bits = Float.floatToIntBits(score);
    int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
    return ((long) sortable << 32) | (node & 0xffffffffL);
  }

  static float score(long key) {
    int sortable = (int) (key >> 32);
    return Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7fffffff));
  }

  static int node(long key) {
    return (int) key;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    size = 0;
  }

  void push(float score, int node) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
    }
    keys[size] = stored(key(score, node));
    up(size++);
  }

  /**
   * The top's key (the lowest score for {@link #min}, the highest for {@link #max}); the heap must
   * not be empty.
   */
  long peek() {
    return stored(keys[0]);
  }

  long pop() {
    long top = keys[0];
    keys[0] = keys[--size];
    down(0);
    return stored(top);
  }

  /** Replaces the top with (score, node): one sift instead of a pop and a push. */
  void replaceTop(float score, int node) {
    keys[0] = stored(key(score, node));
    down(0);
  }

  /** Its own inverse: a max heap keeps flipped keys. */
  private long stored(long key) {
    return max ? ~key : key;
  }

  private void up(int at) {
    long key = keys[at];
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (keys[parent] <= key) {
        break;
      }
      keys[at] = keys[parent];
      at = parent;
    }
    keys[at] = key;
  }

  private void down(int at) {
    long key = keys[at];
    int half = size >>> 1;
    while (at < half) {
      int child = 2 * at + 1;
      int right = child + 1;
      if (right < size && keys[right] < keys[child]) {
        child = right;
      }
      if (key <= keys[child]) {
        break;
      }
      keys[at] = keys[child];
      at = child;
    }
    keys[at] = key;
  }
}
