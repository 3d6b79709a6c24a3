package dev.recsys.features.store;

import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.schemas.avro.EventType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Redis hash per entity, {@code core:v1:u:<user>} or {@code core:v1:i:<item>}: a field per
 * feature (the double as text, exact), {@code _updated_at} (epoch ms) and, for users, one field
 * per recent interaction, {@code _r00} oldest ({@code item \t TYPE \t time}; ids hold no control
 * characters). Small fields keep the hash in Redis's compact listpack encoding (values up to 64
 * bytes): about half the memory of one long value holding all recent interactions.
 */
final class RedisLayout {
  static final String UPDATED_AT = "_updated_at";
  /** {@code _r00} … one field name per recent slot, built once: this runs per write and read. */
  private static final List<String> RECENT_FIELDS = java.util.stream.IntStream.range(0, 100)
      .mapToObj(i -> String.format("_r%02d", i))
      .toList();

  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);
  private final String namespace;

  RedisLayout(FeatureSet set) {
    this.namespace = set.namespace();
  }

  /** The sorted set of items by {@link dev.recsys.features.definition.Trending#rank}. */
  String trendingKey() {
    return namespace + ":trending";
  }

  String key(EntityKind kind, String id) {
    return namespace + (kind == EntityKind.USER ? ":u:" : ":i:") + id;
  }

  Map<String, String> fields(FeatureVector vector) {
    Map<String, String> fields = new HashMap<>(vector.values().size() + 2);
    vector.values().forEach((name, value) -> fields.put(name, text(value)));
    fields.put(UPDATED_AT, Long.toString(vector.updatedAt()));
    List<RecentInteraction> recent = vector.recent();
    for (int i = 0; i < recent.size(); i++) {
      RecentInteraction r = recent.get(i);
      fields.put(RECENT_FIELDS.get(i), r.itemId() + '\t' + r.type().name() + '\t' + r.timestamp());
    }
    return fields;
  }

  /**
   * {@link Double#toString}, with a shortcut for whole numbers below 10^7 (counts, most features),
   * whose text is their digits and {@code .0}: JDK 17's general conversion was a tenth of the
   * online-store writer's time.
   */
  static String text(double value) {
    long whole = (long) value;
    if (whole == value
        && whole > -10_000_000L
        && whole < 10_000_000L
        && Double.doubleToRawLongBits(value) != NEGATIVE_ZERO) {
      return Long.toString(whole).concat(".0");
    }
    return Double.toString(value);
  }

  FeatureVector vector(EntityKind kind, String id, Map<String, String> fields) {
    TreeMap<String, Double> values = new TreeMap<>();
    fields.forEach((name, value) -> {
      if (!name.startsWith("_")) {
        values.put(name, Double.parseDouble(value));
      }
    });
    List<RecentInteraction> recent = new ArrayList<>();
    for (int i = 0; i < RECENT_FIELDS.size(); i++) {
      String entry = fields.get(RECENT_FIELDS.get(i));
      if (entry == null) {
        break;
      }
      String[] parts = entry.split("\t");
      recent.add(
          new RecentInteraction(parts[0], EventType.valueOf(parts[1]), Long.parseLong(parts[2])));
    }
    return new FeatureVector(kind, id, Long.parseLong(fields.get(UPDATED_AT)), values, recent);
  }
}
