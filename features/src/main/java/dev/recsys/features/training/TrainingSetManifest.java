package dev.recsys.features.training;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code training-set.json}: what a training set holds and where it came from. Trainers read the
 * feature names from it, in column order; the fingerprint identifies the data a model saw.
 */
public record TrainingSetManifest(
    @JsonProperty("feature_names") List<String> featureNames,
    @JsonProperty("rows") long rows,
    @JsonProperty("positives") long positives,
    @JsonProperty("negatives") long negatives,
    @JsonProperty("fingerprint") String fingerprint,
    @JsonProperty("from") String from,
    @JsonProperty("to") String to,
    @JsonProperty("source") String source,
    @JsonProperty("feature_set") String featureSet,
    @JsonProperty("created_at") String createdAt) {
  public static final String FILE = "training-set.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public TrainingSetManifest {
    featureNames = List.copyOf(requireNonNull(featureNames, "feature_names"));
    requireNonNull(fingerprint, "fingerprint");
  }

  public void write(Path dir) {
    try {
      JSON.writeValue(dir.resolve(FILE).toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
    }
  }

  public static TrainingSetManifest read(Path dir) {
    try {
      return JSON.readValue(dir.resolve(FILE).toFile(), TrainingSetManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + dir.resolve(FILE)
              + "; is this a training set written by 'recsys replay'?",
          e);
    }
  }
}
