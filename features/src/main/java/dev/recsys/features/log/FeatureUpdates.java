package dev.recsys.features.log;

import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.schemas.avro.FeatureUpdate;
import dev.recsys.schemas.avro.RecentItem;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** Converts between feature vectors and the {@link FeatureUpdate} records of the feature log. */
public final class FeatureUpdates {
  private FeatureUpdates() {}

  /** The feature-log key of an entity: {@code u:<id>} or {@code i:<id>}. */
  public static String key(EntityKind kind, String id) {
    return (kind == EntityKind.USER ? "u:" : "i:") + id;
  }

  public static FeatureUpdate of(FeatureVector vector, FeatureSet set, String eventId) {
    List<RecentItem> recent = vector.recent().stream()
        .map(r -> new RecentItem(r.itemId(), r.type(), Instant.ofEpochMilli(r.timestamp())))
        .toList();
    return new FeatureUpdate(
        vector.kind() == EntityKind.USER ? dev.recsys.schemas.avro.EntityKind.USER
            : dev.recsys.schemas.avro.EntityKind.ITEM,
        vector.id(), set.namespace(), Instant.ofEpochMilli(vector.updatedAt()), eventId,
        new TreeMap<>(vector.values()), recent);
  }

  public static FeatureVector toVector(FeatureUpdate update) {
    EntityKind kind = update.getEntityKind() == dev.recsys.schemas.avro.EntityKind.USER
        ? EntityKind.USER : EntityKind.ITEM;
    List<RecentInteraction> recent = update.getRecent().stream()
        .map(r -> new RecentInteraction(r.getItemId(), r.getType(), r.getTimestamp().toEpochMilli()))
        .toList();
    return new FeatureVector(kind, update.getEntityId(), update.getUpdatedAt().toEpochMilli(),
        new TreeMap<>(update.getValues()), recent);
  }
}
