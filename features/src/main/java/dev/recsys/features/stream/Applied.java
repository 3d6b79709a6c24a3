package dev.recsys.features.stream;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.Interaction;
import dev.recsys.schemas.avro.FeatureUpdate;

/** An interaction an entity's state took, and the entity's features after it. */
public record Applied(Interaction interaction, FeatureUpdate update) {
  public Applied {
    requireNonNull(interaction, "interaction");
    requireNonNull(update, "update");
  }
}
