package dev.recsys.features.definition;

import static java.util.Objects.requireNonNull;

/**
 * A named, versioned set of feature definitions. Changing any definition means a new version;
 * stores are namespaced by {@link #namespace()}, so versions never mix.
 */
public record FeatureSet(String name, int version) {
  /** The definitions in this package. */
  public static final FeatureSet CORE_V1 = new FeatureSet("core", 1);

  public FeatureSet {
    requireNonNull(name, "name");
    if (!name.matches("[a-z][a-z0-9_-]{0,31}")) {
      throw new IllegalArgumentException("feature set name '" + name
          + "' must be lower-case letters, digits, '_' or '-', at most 32 characters");
    }
    if (version < 1) {
      throw new IllegalArgumentException("feature set version must be >= 1, got " + version);
    }
  }

  /** {@code core:v1}: the prefix of every key this set writes. */
  public String namespace() {
    return name + ":v" + version;
  }
}
