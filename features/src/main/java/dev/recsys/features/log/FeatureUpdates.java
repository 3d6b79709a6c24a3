package dev.recsys.features.log;

import dev.recsys.features.definition.FeatureLayout;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.schemas.avro.FeatureUpdate;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads the {@link FeatureUpdate} records of the feature log as feature vectors. The features of
 * the entity's {@link FeatureLayout} travel by position, the others (a user's category
 * affinities) by name; version-1 records carry every feature by name. The stream writes them with
 * {@link FeatureUpdateEncoder}.
 */
public final class FeatureUpdates {
  private FeatureUpdates() {}

  /** The feature-log key of an entity: {@code u:<id>} or {@code i:<id>}. */
  public static String key(EntityKind kind, String id) {
    return (kind == EntityKind.USER ? "u:" : "i:") + id;
  }

  public static FeatureVector toVector(FeatureUpdate update) {
    EntityKind kind = kind(update);
    List<RecentInteraction> recent = update.getRecent().stream()
        .map(r ->
            new RecentInteraction(r.getItemId(), r.getType(), r.getTimestamp().toEpochMilli()))
        .toList();
    return new FeatureVector(
        kind, update.getEntityId(), update.getUpdatedAt().toEpochMilli(), values(update), recent);
  }

  private static EntityKind kind(FeatureUpdate update) {
    return update.getEntityKind() == dev.recsys.schemas.avro.EntityKind.USER
        ? EntityKind.USER
        : EntityKind.ITEM;
  }

  /** Every feature of the update by name, whichever way it travelled. */
  public static TreeMap<String, Double> values(FeatureUpdate update) {
    TreeMap<String, Double> values = new TreeMap<>(update.getValues());
    List<Double> fixed = update.getFixedValues();
    if (update.getLayout() == 0 && fixed.isEmpty()) {
      return values;
    }
    EntityKind kind = kind(update);
    FeatureLayout layout = FeatureLayout.of(kind);
    if (update.getLayout() != layout.fingerprint()
        || fixed.size() != layout.names().size()) {
      throw new IllegalArgumentException("feature update of " + kind + " " + update.getEntityId()
          + " (event " + update.getEventId() + ", set " + update.getFeatureSet()
          + ") has feature layout " + update.getLayout() + " with " + fixed.size()
          + " values, not this code's " + layout.fingerprint() + " with "
          + layout.names().size() + "; read it with the feature definitions that wrote it");
    }
    for (int i = 0; i < fixed.size(); i++) {
      values.put(layout.names().get(i), fixed.get(i));
    }
    return values;
  }
}
