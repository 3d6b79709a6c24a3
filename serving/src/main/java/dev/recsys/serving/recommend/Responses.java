package dev.recsys.serving.recommend;

import dev.recsys.candidates.source.Candidate;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.serving.rerank.Slot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns candidates and scores into a slate, and a final slate into response items. */
final class Responses {
  private Responses() {}

  /** Ranked by the model's score; without scores, in candidate order scored 1/(position+1). */
  static List<Slot> slate(List<Candidate> candidates, Optional<float[]> scores) {
    List<Slot> slate = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      int row = i;
      double ranker = scores.map(s -> (double) s[row]).orElse(Double.NaN);
      double score = scores.isPresent() ? ranker : 1.0 / (i + 1);
      slate.add(Slot.of(c.itemId(), c.score(), ranker, score, c.sources()));
    }
    if (scores.isPresent()) {
      slate.sort(Comparator.comparingDouble(Slot::score).reversed());
    }
    return slate;
  }

  static List<RecommendedItem> items(
      List<Slot> slate, boolean explain, List<Candidate> candidates, double[][] rows) {
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      rowOf.put(candidates.get(i).itemId(), i);
    }
    List<RecommendedItem> out = new ArrayList<>(slate.size());
    for (Slot slot : slate) {
      Optional<Explanation> why = explain
          ? Optional.of(
              explanation(slot, Optional.ofNullable(rowOf.get(slot.itemId())).map(i -> rows[i])))
          : Optional.empty();
      out.add(new RecommendedItem(slot.itemId(), slot.score(), out.size(), slot.sources(), why));
    }
    return out;
  }

  private static Explanation explanation(Slot slot, Optional<double[]> row) {
    Map<String, Double> features = new LinkedHashMap<>();
    row.ifPresent(values -> {
      for (int i = 0; i < values.length; i++) {
        features.put(PairFeatures.NAMES.get(i), values[i]);
      }
    });
    return new Explanation(
        features, slot.retrievalScore(), slot.rankerScore(), slot.score(), slot.fired());
  }
}
