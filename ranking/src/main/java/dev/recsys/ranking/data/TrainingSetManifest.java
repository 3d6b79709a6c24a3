package dev.recsys.ranking.data;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** The {@code training-set.json} written next to the Parquet files. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingSetManifest(
    @JsonProperty("feature_names") List<String> featureNames,
    @JsonProperty("rows") long rows,
    @JsonProperty("positives") long positives,
    @JsonProperty("negatives") long negatives,
    @JsonProperty("fingerprint") String fingerprint,
    @JsonProperty("from") Instant from,
    @JsonProperty("to") Instant to) {

  public static final String FILE_NAME = "training-set.json";
  private static final Pattern FEATURE_NAME = Pattern.compile("[a-z0-9_]+");

  public TrainingSetManifest {
    requireNonNull(featureNames, "feature_names");
    requireNonNull(fingerprint, "fingerprint");
    featureNames = List.copyOf(featureNames);
    if (featureNames.isEmpty()) {
      throw new IllegalArgumentException("feature_names must list at least one feature");
    }
    for (String name : featureNames) {
      if (!FEATURE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("feature name '" + name + "' must match [a-z0-9_]+");
      }
    }
    if (new HashSet<>(featureNames).size() != featureNames.size()) {
      throw new IllegalArgumentException("feature_names has duplicates: " + featureNames);
    }
    if (rows < 0 || positives < 0 || negatives < 0 || positives + negatives != rows) {
      throw new IllegalArgumentException("rows (" + rows + ") must equal positives (" + positives
          + ") + negatives (" + negatives + ")");
    }
  }
}
