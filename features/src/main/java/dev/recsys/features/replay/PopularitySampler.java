package dev.recsys.features.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Samples negatives among the known items: in proportion to how many interactions they had so
 * far (a Fenwick tree over counts, so adding and sampling are both O(log n)), or uniformly. It
 * only knows the past: an item's future popularity never makes it a likelier negative. Catalog
 * items without interactions are known too, so that "never seen yet" is no sign of a positive.
 */
final class PopularitySampler {
  private static final int ATTEMPTS_PER_SAMPLE = 10;
  private final SplittableRandom random;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> items = new ArrayList<>();
  private long[] tree = new long[1024];
  private long total;

  PopularitySampler(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Makes an item known (a uniform draw may pick it) without counting an interaction. */
  void register(String itemId) {
    int i = indexOf(itemId);
    if (i + 1 >= tree.length) {
      grow();
    }
  }

  void add(String itemId) {
    int i = indexOf(itemId);
    if (i + 1 >= tree.length) {
      grow();
    }
    for (int at = i + 1; at < tree.length; at += at & -at) {
      tree[at]++;
    }
    total++;
  }

  private int indexOf(String itemId) {
    return index.computeIfAbsent(itemId, id -> {
      items.add(id);
      return items.size() - 1;
    });
  }

  /** Up to {@code n} distinct items, none in {@code excluded}; fewer when too few are known. */
  List<String> sample(int n, Set<String> excluded, LabelPolicy.Negatives how) {
    List<String> picked = new ArrayList<>(n);
    boolean possible = how == LabelPolicy.Negatives.UNIFORM ? !items.isEmpty() : total > 0;
    for (int attempt = 0;
        attempt < n * ATTEMPTS_PER_SAMPLE && picked.size() < n && possible;
        attempt++) {
      String item = items.get(
          how == LabelPolicy.Negatives.UNIFORM
              ? random.nextInt(items.size())
              : find(random.nextLong(total)));
      if (!excluded.contains(item) && !picked.contains(item)) {
        picked.add(item);
      }
    }
    return picked;
  }

  /** The index of the item whose cumulative count range holds {@code target}. */
  private int find(long target) {
    int at = 0;
    for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
      int next = at + step;
      if (next < tree.length && tree[next] <= target) {
        at = next;
        target -= tree[next];
      }
    }
    return at;
  }

  private void grow() {
    long[] counts = new long[tree.length - 1];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = pointCount(i);
    }
    tree = new long[tree.length * 2];
    for (int i = 0; i < counts.length; i++) {
      for (int at = i + 1; at < tree.length; at += at & -at) {
        tree[at] += counts[i];
      }
    }
  }

  private long pointCount(int i) {
    return prefix(i + 1) - prefix(i);
  }

  private long prefix(int end) {
    long sum = 0;
    for (int at = end; at > 0; at -= at & -at) {
      sum += tree[at];
    }
    return sum;
  }
}
