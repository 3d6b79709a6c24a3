package dev.recsys.candidates.ann;

import static dev.recsys.candidates.ann.AnnFixtures.ids;
import static dev.recsys.candidates.ann.AnnFixtures.queries;
import static dev.recsys.candidates.ann.AnnFixtures.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract for both implementations: updates take effect at once, also under concurrent search. */
class LiveUpdatesTest {

  private static final int DIMS = 32;

  private static AnnIndex index(String kind, int n) {
    return kind.equals("graph")
        ? AnnIndex.graph(DIMS, ids(n), vectors(n), AnnParams.DEFAULT)
        : AnnIndex.exact(DIMS, ids(n), vectors(n), Similarity.COSINE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"graph", "exact"})
  void shouldNeverReturnARemovedItem(String kind) {
    AnnIndex index = index(kind, 2000);
    float[] query = vectors(2000).get(42);
    assertThat(index.search(query, 1, ItemFilter.ALL).ids()).containsExactly("item-42");

    assertThat(index.remove("item-42")).isTrue();

    assertThat(index.search(query, 10, ItemFilter.ALL).ids()).hasSize(10).doesNotContain("item-42");
    assertThat(index.remove("item-42")).isFalse();
    assertThat(index.size()).isEqualTo(1999);
  }

  @ParameterizedTest
  @ValueSource(strings = {"graph", "exact"})
  void shouldFindUpsertsAndMovedItems(String kind) {
    AnnIndex index = index(kind, 2000);
    float[] target = queries(1).get(0);

    index.upsert("new-item", target);
    index.upsert("item-7", target.clone());

    assertThat(index.search(target, 2, ItemFilter.ALL).ids())
        .containsExactlyInAnyOrder("new-item", "item-7");
    assertThat(index.vector("item-7"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(target));
    assertThat(index.size()).isEqualTo(2001);
  }

  @ParameterizedTest
  @ValueSource(strings = {"graph", "exact"})
  void shouldNotReturnRemovedItemsUnderConcurrentSearch(String kind) throws Exception {
    AnnIndex index = index(kind, 3000);
    List<float[]> base = vectors(3000);
    Set<String> removed = ConcurrentHashMap.newKeySet();
    Set<String> violations = ConcurrentHashMap.newKeySet();
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> searchers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int offset = t;
      searchers.add(pool.submit(() -> {
        for (int i = offset; !done.get(); i = (i + 7) % 1000) {
          Set<String> before = Set.copyOf(removed);
          index.search(base.get(i), 10, ItemFilter.ALL).ids().stream()
              .filter(before::contains)
              .forEach(violations::add);
        }
      }));
    }
    Future<?> writer = pool.submit(() -> {
      for (int i = 0; i < 300; i++) {
        index.remove("item-" + i);
        removed.add("item-" + i);
        index.upsert("added-" + i, base.get(1000 + i));
      }
    });
    writer.get(60, TimeUnit.SECONDS);
    done.set(true);
    for (Future<?> searcher : searchers) {
      searcher.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(violations).isEmpty();
    assertThat(index.size()).isEqualTo(3000);
    assertThat(index.search(base.get(1299), 1, ItemFilter.ALL).ids())
        .containsAnyOf("added-299", "item-1299");
  }
}
