package dev.recsys.features.stream;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.Interaction;

/**
 * An interaction an entity's state took, and the entity's features after it.
 *
 * @param update the feature-log record, encoded (a {@code FeatureUpdate})
 */
public record Applied(Interaction interaction, byte[] update) {
  public Applied {
    requireNonNull(interaction, "interaction");
    requireNonNull(update, "update");
  }
}
