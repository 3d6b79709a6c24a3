package dev.recsys.serving.rerank;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximal marginal relevance: picks the first k items one at a time, each maximising
 * {@code lambda * relevance - (1 - lambda) * max cosine similarity to the items already picked}.
 * Relevance is the score scaled to 0..1 over the slate. Items without a vector count as
 * dissimilar to everything. Items it moves are marked; the rest keep their order after the k.
 */
record MmrDiversity(double lambda) implements RerankRule {
  public static final String NAME = "mmr";

  public MmrDiversity {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("diversity.lambda must be within 0..1, got " + lambda);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Slot> apply(List<Slot> slate, RerankContext context) {
    if (lambda == 1 || slate.size() < 2) {
      return slate;
    }
    List<float[]> vectors = new ArrayList<>(slate.size());
    slate.forEach(slot -> vectors.add(context.vectors().apply(slot.itemId()).orElse(null)));
    double[] relevance = relevance(slate);
    List<Integer> left = new ArrayList<>();
    for (int i = 0; i < slate.size(); i++) {
      left.add(i);
    }
    List<Integer> picked = new ArrayList<>();
    while (picked.size() < context.k() && !left.isEmpty()) {
      int best = pick(left, picked, vectors, relevance);
      picked.add(best);
      left.remove(Integer.valueOf(best));
    }
    List<Slot> out = new ArrayList<>(slate.size());
    for (int rank = 0; rank < picked.size(); rank++) {
      int i = picked.get(rank);
      out.add(i == rank ? slate.get(i) : slate.get(i).firing(NAME));
    }
    left.forEach(i -> out.add(slate.get(i)));
    return List.copyOf(out);
  }

  private int pick(
      List<Integer> left, List<Integer> picked, List<float[]> vectors, double[] relevance) {
    int best = left.get(0);
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int i : left) {
      double similarity = 0;
      for (int j : picked) {
        similarity = Math.max(similarity, cosine(vectors.get(i), vectors.get(j)));
      }
      double value = lambda * relevance[i] - (1 - lambda) * similarity;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    return best;
  }

  private static double[] relevance(List<Slot> slate) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Slot slot : slate) {
      min = Math.min(min, slot.score());
      max = Math.max(max, slot.score());
    }
    double[] out = new double[slate.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = max > min ? (slate.get(i).score() - min) / (max - min) : 1;
    }
    return out;
  }

  static double cosine(float[] a, float[] b) {
    if (a == null || b == null || a.length != b.length) {
      return 0;
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
