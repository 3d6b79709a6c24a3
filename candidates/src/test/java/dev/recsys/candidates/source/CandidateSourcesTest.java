package dev.recsys.candidates.source;

import static dev.recsys.candidates.source.SourceFixtures.request;
import static dev.recsys.candidates.source.SourceFixtures.touched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.ItemFilter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CandidateSourcesTest {

  private AnnIndex index;
  private CandidateSource annByUser;

  @BeforeEach
  void setUp() {
    index = SourceFixtures.catalog();
    annByUser = CandidateSources.annByUser(index, Duration.ofHours(1));
  }

  private List<String> neighboursOf(String itemId, int k) {
    float[] vector = index.vector(itemId).orElseThrow();
    return index
        .search(vector, k + 1, ItemFilter.excluding(Set.of(itemId)))
        .ids()
        .subList(0, k);
  }

  @Test
  void shouldFollowTheUsersNewRecentItems() {
    String oldItem = "item-1";
    String newItem = farFrom(oldItem);
    List<String> before = ids(annByUser.candidates(
        request(List.of(touched(oldItem, Duration.ofHours(5))), Set.of(), 10)));

    List<String> after = ids(annByUser.candidates(request(
        List.of(touched(oldItem, Duration.ofHours(5)), touched(newItem, Duration.ofMinutes(1))),
        Set.of(),
        10)));

    assertThat(before).hasSize(10).containsAnyElementsOf(neighboursOf(oldItem, 10));
    assertThat(after).hasSize(10).isNotEqualTo(before).doesNotContain(oldItem, newItem);
    assertThat(after.stream().filter(neighboursOf(newItem, 20)::contains).count())
        .isGreaterThanOrEqualTo(8);
  }

  @Test
  void shouldProposeNothingForAColdUser() {
    assertThat(annByUser.candidates(request(List.of(), Set.of(), 10))).isEmpty();
    assertThat(
            annByUser.candidates(request(List.of(touched("unknown", Duration.ZERO)), Set.of(), 10)))
        .isEmpty();
  }

  @Test
  void shouldHonourExclusionsAndRemovals() {
    CandidateSource itemToItem = CandidateSources.itemToItem(index, 3);
    CandidateRequest first =
        request(List.of(touched("item-5", Duration.ofMinutes(3))), Set.of(), 10);
    List<String> top = ids(itemToItem.candidates(first));
    String removed = top.get(0);
    String excluded = top.get(1);

    index.remove(removed);
    CandidateRequest second = request(first.recentItems(), Set.of(excluded), 10);

    for (CandidateSource source : List.of(itemToItem, annByUser)) {
      assertThat(ids(source.candidates(second)))
          .hasSize(10)
          .doesNotContain(removed, excluded, "item-5");
    }
  }

  @Test
  void shouldTagItemToItemCandidatesWithTheirSource() {
    List<Candidate> candidates = CandidateSources.itemToItem(index, 2)
        .candidates(request(List.of(touched("item-9", Duration.ofMinutes(1))), Set.of(), 5));

    assertThat(candidates)
        .hasSize(5)
        .allSatisfy(c -> assertThat(c.sources()).containsExactly("item-to-item"));
    assertThat(candidates.stream().map(Candidate::itemId).toList())
        .isEqualTo(neighboursOf("item-9", 5));
  }

  @Test
  void shouldSkipExcludedAndUnavailableItemsInRankedLists() {
    index.remove("item-2");
    CandidateSource popular = CandidateSources.popular(
        () -> List.of("item-1", "item-2", "item-3", "gone", "item-4"), index::contains);

    List<Candidate> candidates = popular.candidates(request(List.of(), Set.of("item-3"), 2));

    assertThat(ids(candidates)).containsExactly("item-1", "item-4");
    assertThat(candidates.get(1).score()).isEqualTo(1f / 5);
  }

  private String farFrom(String itemId) {
    float[] vector = index.vector(itemId).orElseThrow();
    float[] opposite = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      opposite[i] = -vector[i];
    }
    return index.search(opposite, 1, ItemFilter.ALL).ids().get(0);
  }

  static List<String> ids(List<Candidate> candidates) {
    return candidates.stream().map(Candidate::itemId).toList();
  }
}
