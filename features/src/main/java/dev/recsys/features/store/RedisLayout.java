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
 * feature (the double as text, exact), {@code _updated_at} (epoch ms) and, for users,
 * {@code _recent} (item, type, time per line; ids hold no control characters).
 */
final class RedisLayout {
  static final String UPDATED_AT = "_updated_at";
  static final String RECENT = "_recent";
  private final String namespace;

  RedisLayout(FeatureSet set) {
    this.namespace = set.namespace();
  }

  String key(EntityKind kind, String id) {
    return namespace + (kind == EntityKind.USER ? ":u:" : ":i:") + id;
  }

  Map<String, String> fields(FeatureVector vector) {
    Map<String, String> fields = new HashMap<>(vector.values().size() + 2);
    vector.values().forEach((name, value) -> fields.put(name, Double.toString(value)));
    fields.put(UPDATED_AT, Long.toString(vector.updatedAt()));
    if (!vector.recent().isEmpty()) {
      StringBuilder recent = new StringBuilder();
      for (RecentInteraction r : vector.recent()) {
        recent.append(r.itemId()).append('\t').append(r.type().name()).append('\t')
            .append(r.timestamp()).append('\n');
      }
      fields.put(RECENT, recent.toString());
    }
    return fields;
  }

  FeatureVector vector(EntityKind kind, String id, Map<String, String> fields) {
    TreeMap<String, Double> values = new TreeMap<>();
    fields.forEach((name, value) -> {
      if (!name.startsWith("_")) {
        values.put(name, Double.parseDouble(value));
      }
    });
    List<RecentInteraction> recent = new ArrayList<>();
    String text = fields.get(RECENT);
    if (text != null) {
      for (String line : text.split("\n")) {
        String[] parts = line.split("\t");
        recent.add(new RecentInteraction(parts[0], EventType.valueOf(parts[1]),
            Long.parseLong(parts[2])));
      }
    }
    return new FeatureVector(kind, id, Long.parseLong(fields.get(UPDATED_AT)), values, recent);
  }
}
