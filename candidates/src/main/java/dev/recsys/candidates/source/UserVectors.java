package dev.recsys.candidates.source;

import dev.recsys.candidates.ann.AnnIndex;
import java.time.Duration;
import java.util.Optional;

/**
 * A user's vector at request time: the mean of their recent items' normalized vectors, each
 * weighted by its weight times {@code 0.5^(age / halfLife)}, then normalized. Items not in the
 * index are skipped.
 */
final class UserVectors {

  private UserVectors() {}

  static Optional<float[]> of(CandidateRequest request, AnnIndex index, Duration halfLife) {
    float[] sum = new float[index.dimensions()];
    boolean any = false;
    for (RecentItem item : request.recentItems()) {
      Optional<float[]> vector = index.vector(item.itemId());
      if (vector.isEmpty()) {
        continue;
      }
      double ageMillis = Math.max(0, Duration.between(item.at(), request.asOf()).toMillis());
      double weight = item.weight() * Math.pow(0.5, ageMillis / halfLife.toMillis());
      addScaled(sum, normalized(vector.get()), weight);
      any = true;
    }
    return any ? Optional.of(normalized(sum)) : Optional.empty();
  }

  static float[] normalized(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * scale;
    }
    return out;
  }

  private static void addScaled(float[] sum, float[] v, double weight) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += (float) (weight * v[i]);
    }
  }
}
