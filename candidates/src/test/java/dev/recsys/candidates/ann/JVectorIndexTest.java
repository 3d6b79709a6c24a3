package dev.recsys.candidates.ann;

import static dev.recsys.candidates.ann.AnnFixtures.ids;
import static dev.recsys.candidates.ann.AnnFixtures.queries;
import static dev.recsys.candidates.ann.AnnFixtures.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JVectorIndexTest {

  private static final int N = 5_000;
  private static final int DIMS = 32;
  private static AnnIndex exact;
  private static AnnIndex graph;

  @BeforeAll
  static void buildIndexes() {
    exact = AnnIndex.exact(DIMS, ids(N), vectors(N), Similarity.COSINE);
    graph = AnnIndex.graph(DIMS, ids(N), vectors(N), AnnParams.DEFAULT);
  }

  @Test
  void shouldReachRecallAgainstBruteForceAtDefaultWidth() {
    assertThat(AnnFixtures.recall(graph, exact, queries(200), 10)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void shouldScoreCosineLikeBruteForceAndKeepTheVectorsAsGiven() {
    // Lengths from 0.5 to 50: cosine must not see them, vector() must give them back.
    List<float[]> scaled = new ArrayList<>();
    List<float[]> source = vectors(300);
    for (int i = 0; i < source.size(); i++) {
      float[] v = source.get(i).clone();
      for (int d = 0; d < v.length; d++) {
        v[d] *= 0.5f + (i % 100) / 2f;
      }
      scaled.add(v);
    }
    AnnIndex byGraph = AnnIndex.graph(DIMS, ids(300), scaled, AnnParams.DEFAULT);
    for (float[] query : queries(20)) {
      float[] longQuery = query.clone();
      for (int d = 0; d < longQuery.length; d++) {
        longQuery[d] *= 7;
      }
      // The graph is approximate, so which items it finds may vary; each one's score may not.
      for (ScoredItem found : byGraph.search(longQuery, 10, ItemFilter.ALL).items()) {
        float[] item = scaled.get(Integer.parseInt(found.itemId().substring("item-".length())));
        assertThat(found.score())
            .as(found.itemId())
            .isCloseTo(Similarity.COSINE.score(longQuery, item), offset(1e-5f));
      }
    }
    AnnIndex byScan = AnnIndex.exact(DIMS, ids(300), scaled, Similarity.COSINE);
    assertThat(AnnFixtures.recall(byGraph, byScan, queries(50), 10)).isGreaterThanOrEqualTo(0.95);
    assertThat(byGraph.vector("item-7"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(scaled.get(7)));
  }

  @ParameterizedTest
  @EnumSource(Similarity.class)
  void shouldScoreAndRankLikeBruteForceUnderEverySimilarity(
      Similarity similarity, @TempDir Path dir) {
    List<float[]> source = vectors(1_000);
    AnnIndex byScan = AnnIndex.exact(DIMS, ids(1_000), source, similarity);
    AnnIndex.graph(DIMS, ids(1_000), source, AnnParams.DEFAULT.withSimilarity(similarity))
        .save(dir);
    AnnIndex byGraph = AnnIndex.load(dir);
    assertThat(byGraph.params().similarity()).isEqualTo(similarity);
    for (float[] query : queries(20)) {
      for (ScoredItem found : byGraph.search(query, 10, ItemFilter.ALL).items()) {
        float[] item = source.get(Integer.parseInt(found.itemId().substring("item-".length())));
        assertThat(found.score())
            .as(found.itemId())
            .isCloseTo(similarity.score(query, item), offset(1e-5f));
      }
    }
    // A raw dot product is no metric (an item need not be its own nearest), so a graph finds
    // fewer of its true top 10: 0.85 to 0.92 over repeated builds, before and after the pages.
    double bar = similarity == Similarity.DOT_PRODUCT ? 0.8 : 0.95;
    assertThat(AnnFixtures.recall(byGraph, byScan, queries(50), 10)).isGreaterThanOrEqualTo(bar);
  }

  @Test
  void shouldReportDiagnostics() {
    AnnResult result = graph.search(queries(1).get(0), 10, ItemFilter.ALL);

    assertThat(result.items()).hasSize(10);
    assertThat(result.visited()).isGreaterThan(10);
    assertThat(result.width()).isEqualTo(AnnParams.DEFAULT.widthFor(10));
    assertThat(result.items()).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
  }

  @Test
  void shouldNeverReturnExcludedItems() {
    float[] query = queries(1).get(0);
    Set<String> top = Set.copyOf(graph.search(query, 10, ItemFilter.ALL).ids());

    AnnResult filtered = graph.search(query, 10, ItemFilter.excluding(top));

    assertThat(filtered.ids()).hasSize(10).doesNotContainAnyElementsOf(top);
  }

  @Test
  void shouldFindTheBestAllowedItemsWhenTheFilterRefusesNineInTen() {
    ItemFilter tenth = id -> Integer.parseInt(id.substring("item-".length())) % 10 == 0;
    double sum = 0;
    List<float[]> probes = queries(100);
    for (float[] query : probes) {
      List<String> expected = exact.search(query, 10, tenth).ids();
      List<String> found = graph.search(query, 10, tenth).ids();
      assertThat(found).hasSize(10).allMatch(tenth::accepts);
      sum += found.stream().filter(expected::contains).count() / 10.0;
    }
    assertThat(sum / probes.size()).as("recall among the allowed").isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void shouldSaveAndLoadWithIdenticalResults(@TempDir Path dir) {
    AnnIndex index = AnnIndex.graph(DIMS, ids(1000), vectors(1000), AnnParams.DEFAULT);
    index.remove("item-3");
    index.save(dir);

    AnnIndex loaded = AnnIndex.load(dir);

    assertThat(loaded.size()).isEqualTo(999);
    assertThat(loaded.params()).isEqualTo(AnnParams.DEFAULT);
    for (float[] query : queries(20)) {
      assertThat(loaded.search(query, 10, ItemFilter.ALL))
          .isEqualTo(index.search(query, 10, ItemFilter.ALL));
    }
  }

  @Test
  void shouldTakeUpdatesAfterLoad(@TempDir Path dir) {
    AnnIndex index = AnnIndex.graph(DIMS, ids(500), vectors(500), AnnParams.DEFAULT);
    index.save(dir);
    AnnIndex loaded = AnnIndex.load(dir);
    float[] fresh = queries(1).get(0);

    loaded.upsert("fresh", fresh);
    loaded.remove("item-0");

    assertThat(loaded.search(fresh, 1, ItemFilter.ALL).ids()).containsExactly("fresh");
    assertThat(loaded.vector("item-0")).isEmpty();
    assertThat(loaded.size()).isEqualTo(500);
  }

  @Test
  void shouldServeAnEmptyIndexAndGrowIt(@TempDir Path dir) {
    AnnIndex empty = AnnIndex.graph(DIMS, List.of(), List.of(), AnnParams.DEFAULT);
    assertThat(empty.search(queries(1).get(0), 5, ItemFilter.ALL).items()).isEmpty();
    empty.save(dir);

    AnnIndex loaded = AnnIndex.load(dir);
    loaded.upsert("a", vectors(1).get(0));

    assertThat(loaded.search(vectors(1).get(0), 5, ItemFilter.ALL).ids()).containsExactly("a");
  }

  @Test
  void shouldRejectWrongDimensionsWithAClearMessage() {
    assertThatThrownBy(() -> graph.search(new float[3], 10, ItemFilter.ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 dimensions")
        .hasMessageContaining("32-dimensional");
  }
}
