package dev.recsys.candidates.source;

import static dev.recsys.candidates.source.SourceFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.AnnParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CandidateMergerTest {

  private static CandidateSource fixed(String name, String... ids) {
    return new CandidateSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Candidate> candidates(CandidateRequest request) {
        return IntStream.range(0, ids.length)
            .limit(request.k())
            .mapToObj(i -> Candidate.of(ids[i], 1f / (i + 1), name))
            .toList();
      }
    };
  }

  private static final CandidateRequest K4 = request(List.of(), Set.of(), 4);

  @Test
  void shouldGiveEachSourceItsQuotaBeforeLeftovers() {
    CandidateMerger merger = CandidateMerger.of(List.of(
        new CandidateMerger.Quota(fixed("a", "a1", "a2", "a3", "a4"), 1),
        new CandidateMerger.Quota(fixed("b", "b1", "b2", "b3"), 2)));

    Candidates merged = merger.merge(K4);

    assertThat(merged.ids()).containsExactly("a1", "b1", "b2", "a2");
    assertThat(merged.proposed())
        .as("quota and half again")
        .containsEntry("a", 2)
        .containsEntry("b", 3);
  }

  @Test
  void shouldAskForQuotaAndMarginAndForAllKOnlyWhenThePoolHasRoom() {
    List<Integer> askedA = new ArrayList<>();
    List<Integer> askedB = new ArrayList<>();
    List<Integer> askedDry = new ArrayList<>();
    CandidateMerger full = CandidateMerger.of(List.of(
        new CandidateMerger.Quota(recording(askedA, fixed("a", range("a", 40))), 6),
        new CandidateMerger.Quota(recording(askedB, fixed("b", range("b", 40))), 4)));
    CandidateRequest k10 = request(List.of(), Set.of(), 10);

    assertThat(full.merge(k10).ids()).hasSize(10);
    assertThat(askedA).containsExactly(9);
    assertThat(askedB).containsExactly(6);

    askedA.clear();
    askedB.clear();
    // "a" and "b" propose the same items, so the first asks leave the pool short: "a" and
    // "b" may hold more and are asked for all k; "dry" gave less than asked and is not.
    CandidateMerger overlapping = CandidateMerger.of(List.of(
        new CandidateMerger.Quota(recording(askedA, fixed("a", range("x", 40))), 4),
        new CandidateMerger.Quota(recording(askedB, fixed("b", range("x", 40))), 4),
        new CandidateMerger.Quota(recording(askedDry, fixed("dry", "d1")), 2)));

    Candidates merged = overlapping.merge(k10);

    assertThat(merged.ids()).hasSize(10).contains("d1");
    assertThat(askedA).containsExactly(6, 10);
    assertThat(askedB).containsExactly(6, 10);
    assertThat(askedDry).containsExactly(3);
    assertThat(merged.proposed()).containsEntry("a", 10).containsEntry("dry", 1);
  }

  private static String[] range(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).toArray(String[]::new);
  }

  private static CandidateSource recording(List<Integer> asked, CandidateSource source) {
    return new CandidateSource() {
      @Override
      public String name() {
        return source.name();
      }

      @Override
      public List<Candidate> candidates(CandidateRequest request) {
        asked.add(request.k());
        return source.candidates(request);
      }
    };
  }

  @Test
  void shouldKeepEverySourceOfADuplicate() {
    CandidateMerger merger = CandidateMerger.of(List.of(
        new CandidateMerger.Quota(fixed("a", "x", "a1"), 2),
        new CandidateMerger.Quota(fixed("b", "b1", "x"), 2)));

    Candidates merged = merger.merge(K4);

    assertThat(merged.ids()).containsExactly("x", "a1", "b1");
    assertThat(merged.items().get(0).sources()).containsExactlyInAnyOrder("a", "b");
    assertThat(merged.items().get(0).score()).isEqualTo(1f);
    assertThat(merged.items().get(2).sources()).containsExactly("b");
  }

  @Test
  void shouldReturnFewerThanKWhenSourcesRunDryAndHonourExclusions() {
    CandidateMerger merger =
        CandidateMerger.of(List.of(new CandidateMerger.Quota(fixed("a", "a1", "a2"), 4)));

    assertThat(merger.merge(request(List.of(), Set.of("a2"), 4)).ids()).containsExactly("a1");
  }

  @Test
  void shouldFallBackToPopularOnAnEmptyIndexAndSurviveAFailingSource() {
    AnnIndex empty = AnnIndex.graph(16, List.of(), List.of(), AnnParams.DEFAULT);
    CandidateSource broken = new CandidateSource() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public List<Candidate> candidates(CandidateRequest request) {
        throw new IllegalStateException("store unavailable");
      }
    };
    CandidateMerger merger = CandidateMerger.of(List.of(
        new CandidateMerger.Quota(CandidateSources.annByUser(empty, Duration.ofHours(1)), 2),
        new CandidateMerger.Quota(CandidateSources.itemToItem(empty, 3), 2),
        new CandidateMerger.Quota(broken, 1),
        new CandidateMerger.Quota(
            CandidateSources.popular(() -> List.of("p1", "p2"), id -> true), 1)));

    Candidates merged =
        merger.merge(request(List.of(SourceFixtures.touched("x", Duration.ZERO)), Set.of(), 4));

    assertThat(merged.ids()).containsExactly("p1", "p2");
    assertThat(merged.failed()).containsExactly("broken");
  }
}
