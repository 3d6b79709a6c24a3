package dev.recsys.features.log;

import dev.recsys.features.definition.FeatureLayout;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureValues;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.schemas.avro.FeatureUpdate;
import dev.recsys.schemas.avro.RecentItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link FeatureUpdate} records built field by field through the Avro classes: the reference
 * {@link FeatureUpdateEncoder} is held to, and feature-log records for tests.
 */
final class FeatureUpdateRecords {
  private FeatureUpdateRecords() {}

  /** The update for an entity's features as its state yields them. */
  public static FeatureUpdate of(FeatureValues values, FeatureSet set, String eventId) {
    List<RecentItem> recent = new ArrayList<>(values.recent().size());
    for (RecentInteraction r : values.recent()) {
      recent.add(new RecentItem(r.itemId(), r.type(), Instant.ofEpochMilli(r.timestamp())));
    }
    List<Double> fixed = new ArrayList<>(values.fixed().length);
    for (double value : values.fixed()) {
      fixed.add(value);
    }
    return new FeatureUpdate(
        avroKind(values.kind()),
        values.id(),
        set.namespace(),
        Instant.ofEpochMilli(values.updatedAt()),
        eventId,
        values.named(),
        recent,
        FeatureLayout.of(values.kind()).fingerprint(),
        fixed);
  }

  /**
   * The update for a vector: the layout's features by position and the rest by name, or, for a
   * vector without every layout feature, all by name (as version 1 wrote them).
   */
  public static FeatureUpdate of(FeatureVector vector, FeatureSet set, String eventId) {
    FeatureLayout layout = FeatureLayout.of(vector.kind());
    double[] fixed = new double[layout.names().size()];
    SortedMap<String, Double> named = new TreeMap<>();
    int found = 0;
    for (Map.Entry<String, Double> value : vector.values().entrySet()) {
      int at = layout.position(value.getKey());
      if (at >= 0) {
        fixed[at] = value.getValue();
        found++;
      } else {
        named.put(value.getKey(), value.getValue());
      }
    }
    FeatureUpdate update = of(
        new FeatureValues(
            vector.kind(), vector.id(), vector.updatedAt(), fixed, named, vector.recent()),
        set,
        eventId);
    if (found < fixed.length) {
      update.setValues(new TreeMap<>(vector.values()));
      update.setLayout(0L);
      update.setFixedValues(List.of());
    }
    return update;
  }

  private static dev.recsys.schemas.avro.EntityKind avroKind(EntityKind kind) {
    return kind == EntityKind.USER
        ? dev.recsys.schemas.avro.EntityKind.USER
        : dev.recsys.schemas.avro.EntityKind.ITEM;
  }
}
