package dev.recsys.candidates.ann;

/**
 * One ordinal of an index: the item id and its vector as given. Whether it is still served is a
 * bit in the table ({@link ItemTable#live}); the graph-form copy the search reads lives in the
 * table's vector pages.
 */
record Slot(String itemId, float[] values) {}
