package dev.recsys.ranking.registry;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.recsys.ranking.RankingException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code model.json} contract of a served model: feed a float tensor named {@code inputName}
 * of shape {@code [N, featureNames.size()]} holding raw feature values in {@code featureNames}
 * order, read {@code outputName} of shape {@code [N]} or {@code [N, 1]}.
 *
 * @param kind the registry kind, e.g. {@code ranker}
 * @param algorithm what produced the model, e.g. {@code logistic_regression}, {@code external}
 * @param outputMeaning what a score means, e.g. {@code probability of label 1}
 * @param metrics holdout metrics by name, e.g. {@code auc}, {@code ndcg_at_10}
 * @param trainingSetFingerprint the fingerprint of the training set, or {@code ""} if unknown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelCard(
    @JsonProperty("kind") String kind,
    @JsonProperty("algorithm") String algorithm,
    @JsonProperty("input_name") String inputName,
    @JsonProperty("feature_names") List<String> featureNames,
    @JsonProperty("output_name") String outputName,
    @JsonProperty("output_meaning") String outputMeaning,
    @JsonProperty("metrics") Map<String, Double> metrics,
    @JsonProperty("training_set_fingerprint") String trainingSetFingerprint,
    @JsonProperty("created_at") Instant createdAt) {

  public static final String FILE_NAME = "model.json";
  public static final String RANKER = "ranker";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  public ModelCard {
    requireNonNull(kind, "kind");
    requireNonNull(algorithm, "algorithm");
    requireNonNull(inputName, "input_name");
    requireNonNull(outputName, "output_name");
    requireNonNull(createdAt, "created_at");
    featureNames = List.copyOf(requireNonNull(featureNames, "feature_names"));
    if (featureNames.isEmpty()) {
      throw new IllegalArgumentException("feature_names must list the model's input columns");
    }
    outputMeaning = outputMeaning == null ? "" : outputMeaning;
    metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
    trainingSetFingerprint = trainingSetFingerprint == null ? "" : trainingSetFingerprint;
  }

  /** Reads {@code model.json}; a missing or malformed card says which file and what to fix. */
  public static ModelCard read(Path file) {
    try {
      return JSON.readValue(file.toFile(), ModelCard.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new RankingException(
          "cannot read model card " + file + "; it must be JSON with"
              + " kind, algorithm, input_name, feature_names, output_name and created_at",
          e);
    }
  }

  public void write(Path file) {
    try {
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new RankingException("cannot write model card " + file, e);
    }
  }

  public ModelCard withMetrics(Map<String, Double> newMetrics) {
    return new ModelCard(
        kind,
        algorithm,
        inputName,
        featureNames,
        outputName,
        outputMeaning,
        newMetrics,
        trainingSetFingerprint,
        createdAt);
  }
}
