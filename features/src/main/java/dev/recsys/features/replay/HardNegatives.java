package dev.recsys.features.replay;

import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.pair.NearestItems;
import dev.recsys.features.pair.PairFeatures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws a positive's hard negatives: items among the {@link LabelPolicy#HARD_NEGATIVE_POOL}
 * nearest the user's taste, as the ANN source retrieves them for that user, less the user's
 * recent items (the source leaves those out) and the positive itself. Seeded, so a replay is
 * repeatable; a user without a taste gets none, and sampled negatives make up the count.
 */
final class HardNegatives {
  private static final long SEED_MIX = 0x9E3779B97F4A7C15L;
  private final NearestItems nearest;
  private final SplittableRandom random;

  HardNegatives(NearestItems nearest, long seed) {
    this.nearest = nearest;
    this.random = new SplittableRandom(seed ^ SEED_MIX);
  }

  List<String> draw(PairFeatures.Side user, String positive, int n) {
    if (n == 0 || user.taste() == null) {
      return List.of();
    }
    Set<String> recent = new HashSet<>();
    for (RecentInteraction touch : user.recent()) {
      recent.add(touch.itemId());
    }
    int poolSize = LabelPolicy.HARD_NEGATIVE_POOL;
    List<String> pool = new ArrayList<>(poolSize);
    for (String item : nearest.nearest(user.taste(), poolSize + recent.size() + 1)) {
      if (pool.size() < poolSize && !item.equals(positive) && !recent.contains(item)) {
        pool.add(item);
      }
    }
    int k = Math.min(n, pool.size());
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(pool.size() - i);
      String t = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, t);
    }
    return List.copyOf(pool.subList(0, k));
  }
}
