package dev.recsys.candidates.embeddings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded interactions with real structure: items and users belong to one of {@code groups} tastes;
 * a user picks mostly items of their own group (with a popularity skew inside it) and sometimes any
 * item, so taste is learnable and global popularity is only a weak signal.
 */
final class SyntheticInteractions {

  private SyntheticInteractions() {}

  static List<Interaction> generate(int users, int items, int groups, int perUser, long seed) {
    Random random = new Random(seed);
    List<Interaction> interactions = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int group = u % groups;
      Set<Integer> chosen = new HashSet<>();
      while (chosen.size() < perUser) {
        int item = random.nextDouble() < 0.8
            ? inGroup(group, groups, items, random)
            : skewed(items, random);
        chosen.add(item);
      }
      for (int item : chosen) {
        interactions.add(new Interaction("u" + u, "i" + item, 1 + random.nextInt(3)));
      }
    }
    return interactions;
  }

  private static int inGroup(int group, int groups, int items, Random random) {
    int perGroup = items / groups;
    return group * perGroup + skewed(perGroup, random);
  }

  /** Zipf-like: low indexes are more popular. */
  private static int skewed(int n, Random random) {
    return (int) Math.min(n - 1, Math.floor(n * Math.pow(random.nextDouble(), 2)));
  }
}
