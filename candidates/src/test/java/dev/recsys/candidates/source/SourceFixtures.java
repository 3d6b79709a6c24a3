package dev.recsys.candidates.source;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.AnnParams;
import dev.recsys.candidates.vectors.ClusteredVectors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** A small seeded catalog, a fixed clock and request builders. */
final class SourceFixtures {

  static final Instant NOW = Instant.parse("2021-06-01T00:00:01Z");
  static final int ITEMS = 1000;

  private SourceFixtures() {}

  static AnnIndex catalog() {
    List<float[]> vectors = ClusteredVectors.of(16, 3).withClusters(20).sample(ITEMS, 1);
    List<String> ids = IntStream.range(0, ITEMS).mapToObj(i -> "item-" + i).toList();
    return AnnIndex.graph(16, ids, vectors, AnnParams.DEFAULT);
  }

  static RecentItem touched(String itemId, Duration ago) {
    return new RecentItem(itemId, 1f, NOW.minus(ago));
  }

  static CandidateRequest request(List<RecentItem> recent, Set<String> excluded, int k) {
    return new CandidateRequest("user-1", recent, excluded, k, NOW);
  }
}
