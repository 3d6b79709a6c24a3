package dev.recsys.features.definition;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureVector.EntityKind;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An entity's features as its state yields them: the {@link FeatureLayout}'s features by position,
 * the others (a user's category affinities) by name. The feature log carries them this way; {@link
 * #toVector()} names them all.
 *
 * @param fixed the layout's features in its order (not copied: build one per use)
 */
public record FeatureValues(
    EntityKind kind,
    String id,
    long updatedAt,
    double[] fixed,
    SortedMap<String, Double> named,
    List<RecentInteraction> recent) {
  public FeatureValues {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
    requireNonNull(fixed, "fixed");
    requireNonNull(named, "named");
    recent = List.copyOf(recent);
  }

  /** Every feature by name. */
  public FeatureVector toVector() {
    List<String> names = FeatureLayout.of(kind).names();
    TreeMap<String, Double> values = new TreeMap<>(named);
    for (int i = 0; i < fixed.length; i++) {
      values.put(names.get(i), fixed[i]);
    }
    return new FeatureVector(kind, id, updatedAt, values, recent);
  }
}
