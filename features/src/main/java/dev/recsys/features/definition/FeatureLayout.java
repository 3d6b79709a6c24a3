package dev.recsys.features.definition;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.schemas.avro.EventType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features every vector of one entity kind has, in a fixed order, so the feature log can carry
 * their values by position instead of by name. The fingerprint travels with the values: a reader
 * with another layout refuses them instead of misreading them. Changing a layout (like changing
 * any definition) means a new feature-set version.
 */
public final class FeatureLayout {
  private static final FeatureLayout USERS = new FeatureLayout(
      EntityKind.USER,
      names(
          EntityKind.USER,
          FeatureNames.USER_EVENTS_TOTAL,
          FeatureNames.USER_SESSION_DISTINCT_ITEMS));
  private static final FeatureLayout ITEMS = new FeatureLayout(
      EntityKind.ITEM,
      names(
          EntityKind.ITEM,
          FeatureNames.ITEM_CTR_7D,
          FeatureNames.ITEM_CVR_7D,
          FeatureNames.ITEM_TRENDING,
          FeatureNames.ITEM_DISTINCT_USERS,
          FeatureNames.ITEM_EVENTS_TOTAL));
  private final EntityKind kind;
  private final List<String> names;
  private final Map<String, Integer> positions = new HashMap<>();
  private final long fingerprint;

  private FeatureLayout(EntityKind kind, List<String> names) {
    this.kind = requireNonNull(kind, "kind");
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      positions.put(names.get(i), i);
    }
    this.fingerprint = fingerprint(kind, names);
  }

  public static FeatureLayout of(EntityKind kind) {
    return kind == EntityKind.USER ? USERS : ITEMS;
  }

  private static List<String> names(EntityKind kind, String... more) {
    List<String> names = new ArrayList<>();
    for (EventType type : WindowCounts.COUNTED) {
      for (Window window : Window.values()) {
        names.add(FeatureNames.count(kind, type, window));
      }
    }
    names.addAll(List.of(more));
    return names;
  }

  public EntityKind kind() {
    return kind;
  }

  /** The fixed feature names, in order. */
  public List<String> names() {
    return names;
  }

  /** The position of a fixed feature, or -1 for one outside the layout. */
  public int position(String name) {
    Integer at = positions.get(name);
    return at == null ? -1 : at;
  }

  /** FNV-1a over the kind and the names; never 0 (which means "no layout"). */
  public long fingerprint() {
    return fingerprint;
  }

  private static long fingerprint(EntityKind kind, List<String> names) {
    long h = 0xcbf29ce484222325L;
    for (String name : prepend(kind.name(), names)) {
      for (byte b : (name + '\n').getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xff)) * 0x100000001b3L;
      }
    }
    return h == 0 ? 1 : h;
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
