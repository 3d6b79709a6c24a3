package dev.recsys.candidates.embeddings;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code model.json} says about an embeddings version.
 *
 * @param quality named figures measured on held-out data, e.g. {@code recall@10}
 * @param createdAt ISO-8601 instant
 */
public record ModelInfo(
    String version,
    int dimensions,
    AlsParams params,
    int itemCount,
    int userCount,
    long trainingMillis,
    Map<String, Double> quality,
    String createdAt) {

  public ModelInfo {
    requireNonNull(version, "version");
    requireNonNull(params, "params");
    requireNonNull(createdAt, "createdAt");
    quality = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(quality, "quality")));
    if (version.isBlank() || version.contains("/") || version.contains("..")) {
      throw new IllegalArgumentException(
          "version must be a plain folder name, got '" + version + "'");
    }
  }
}
