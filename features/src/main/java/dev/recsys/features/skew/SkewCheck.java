package dev.recsys.features.skew;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureNames;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.replay.FeatureStates;
import dev.recsys.features.store.OnlineFeatures;
import dev.recsys.features.store.OnlineStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the online store with replay's final state, entity by entity and feature by feature.
 * Values match when equal within a relative {@code tolerance}: items receive events from every
 * partition in an order replay cannot know, and a decayed sum added in another order can differ
 * in its last bits. Update time and recent interactions are compared as features too.
 */
public final class SkewCheck {
  public static final double DEFAULT_TOLERANCE = 1e-9;
  static final String UPDATED_AT = "_updated_at";
  static final String RECENT = "_recent";
  private static final int ITEMS_PER_READ = 200;
  private final OnlineStore online;
  private final double tolerance;
  private final Map<String, Tally> tallies = new TreeMap<>();
  private long missing;

  public SkewCheck(OnlineStore online, double tolerance) {
    this.online = requireNonNull(online, "online");
    this.tolerance = tolerance;
  }

  public SkewReport compare(FeatureStates replayed) {
    Map<String, FeatureVector> users = new LinkedHashMap<>();
    Map<String, FeatureVector> items = new LinkedHashMap<>();
    replayed.forEachUser(users::put);
    replayed.forEachItem(items::put);
    List<String> userIds = new ArrayList<>(users.keySet());
    List<String> itemIds = new ArrayList<>(items.keySet());
    int reads = Math.max(userIds.size(), (itemIds.size() + ITEMS_PER_READ - 1) / ITEMS_PER_READ);
    for (int n = 0; n < reads; n++) {
      String userId = n < userIds.size() ? userIds.get(n) : "";
      List<String> chunk = itemIds.subList(
          Math.min(itemIds.size(), n * ITEMS_PER_READ),
          Math.min(itemIds.size(), (n + 1) * ITEMS_PER_READ));
      OnlineFeatures stored = online.read(userId, chunk);
      if (n < userIds.size()) {
        compare(users.get(userId), stored.user().orElse(null));
      }
      chunk.forEach(id -> compare(items.get(id), stored.items().get(id)));
    }
    List<FeatureSkew> features = new ArrayList<>();
    tallies.forEach((name, t) -> features.add(t.result(name)));
    features.sort(Comparator.comparingLong(FeatureSkew::differing).reversed());
    return new SkewReport(users.size(), items.size(), missing, features);
  }

  private void compare(FeatureVector expected, FeatureVector actual) {
    if (actual == null) {
      missing++;
      return;
    }
    Set<String> names = new HashSet<>(expected.values().keySet());
    names.addAll(actual.values().keySet());
    for (String name : names) {
      tally(name).add(expected.id(), expected.get(name), actual.get(name), tolerance);
    }
    tally(UPDATED_AT).add(expected.id(), expected.updatedAt(), actual.updatedAt(), 0);
    boolean sameRecent = expected.recent().equals(actual.recent());
    tally(RECENT).add(expected.id(), sameRecent ? 0 : 1, 0, 0);
  }

  private Tally tally(String name) {
    String key = name.startsWith(FeatureNames.USER_AFFINITY_PREFIX)
        ? FeatureNames.USER_AFFINITY_PREFIX + "*"
        : name;
    return tallies.computeIfAbsent(key, k -> new Tally());
  }

  private static final class Tally {
    private long compared;
    private long differing;
    private double maxDiff;
    private String example = "";

    void add(String id, double expected, double actual, double tolerance) {
      compared++;
      double diff = Math.abs(expected - actual);
      double scale = Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
      if (diff > tolerance * scale) {
        differing++;
        if (example.isEmpty()) {
          example = id + ": replay " + expected + ", online " + actual;
        }
      }
      maxDiff = Math.max(maxDiff, diff);
    }

    FeatureSkew result(String name) {
      return new FeatureSkew(name, compared, differing, maxDiff, example);
    }
  }
}
