package dev.recsys.serving.recommend;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.pair.PairFeatures;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each item's side of the pair features, kept for as long as its vector is the same instance:
 * the near cache hands out one vector per item until it reads the item again, so a candidate
 * costs a lookup instead of reading 17 features out of its vector by name on every request.
 */
final class ItemSides {
  /** Entries beyond this are dropped wholesale, as the near cache does. */
  private static final int MAX_ITEMS = 500_000;

  private static final PairFeatures.Side UNSEEN = PairFeatures.Side.item(null);
  private final Map<String, Entry> sides = new ConcurrentHashMap<>();

  private record Entry(FeatureVector vector, PairFeatures.Side side) {}

  /** The side of {@code vector}, the item's current vector (null for an item never seen). */
  PairFeatures.Side of(String itemId, FeatureVector vector) {
    if (vector == null) {
      return UNSEEN;
    }
    Entry entry = sides.get(itemId);
    if (entry != null && entry.vector == vector) {
      return entry.side;
    }
    PairFeatures.Side side = PairFeatures.Side.item(vector);
    if (sides.size() >= MAX_ITEMS) {
      sides.clear();
    }
    sides.put(itemId, new Entry(vector, side));
    return side;
  }
}
