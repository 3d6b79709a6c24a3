package dev.recsys.serving.recommend;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why an item is where it is.
 *
 * @param features the ranker's input row by {@code PairFeatures.NAMES}, in input order
 * @param retrievalScore the proposing candidate source's score
 * @param rankerScore the model's score, NaN when the ranker did not run
 * @param finalScore the score after re-ranking rules
 * @param rules the rules that changed the item's score or place
 */
public record Explanation(
    Map<String, Double> features,
    double retrievalScore,
    double rankerScore,
    double finalScore,
    List<String> rules) {
  public Explanation {
    features =
        Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(features, "features")));
    rules = List.copyOf(requireNonNull(rules, "rules"));
  }
}
