package dev.recsys.candidates.ann;

import dev.recsys.candidates.vectors.ClusteredVectors;
import java.util.List;
import java.util.stream.IntStream;

/** Seeded clustered items for index tests. */
final class AnnFixtures {

  static final ClusteredVectors SOURCE = ClusteredVectors.of(32, 7).withClusters(50);

  private AnnFixtures() {}

  static List<float[]> vectors(int count) {
    return SOURCE.sample(count, 1);
  }

  static List<float[]> queries(int count) {
    return SOURCE.sample(count, 2);
  }

  static List<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> "item-" + i).toList();
  }

  static double recall(AnnIndex approximate, AnnIndex exact, List<float[]> queries, int k) {
    double sum = 0;
    for (float[] query : queries) {
      List<String> expected = exact.search(query, k, ItemFilter.ALL).ids();
      List<String> found = approximate.search(query, k, ItemFilter.ALL).ids();
      sum += found.stream().filter(expected::contains).count() / (double) expected.size();
    }
    return sum / queries.size();
  }
}
