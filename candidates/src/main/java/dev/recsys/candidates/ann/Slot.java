package dev.recsys.candidates.ann;

/**
 * One ordinal of an index: the item id, its vector as given, and whether it is still served. The
 * graph-form copy the search reads lives in the table's vector pages.
 */
record Slot(String itemId, float[] values, boolean live) {

  Slot dead() {
    return new Slot(itemId, values, false);
  }
}
