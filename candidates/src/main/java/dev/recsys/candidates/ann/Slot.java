package dev.recsys.candidates.ann;

import io.github.jbellis.jvector.vector.types.VectorFloat;

/** One ordinal of an index: the item id, its vector, and whether it is still served. */
record Slot(String itemId, float[] values, VectorFloat<?> vector, boolean live) {

  Slot dead() {
    return new Slot(itemId, values, vector, false);
  }
}
