package dev.recsys.evaluation.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The split protocol on a data set small enough to score by hand. */
class SplitEvaluationTest {
  private static final long T = 100;

  /**
   * Before T: u1 had a, b; u2 had a, c; u3 had b. From T: u1 chose c and a again, u2 chose d
   * (and viewed e, not a target), u3 chose nothing, u4 (no history) chose a.
   */
  private static final List<Observation> EVENTS = List.of(
      new Observation("u1", "a", 10, 1, true),
      new Observation("u1", "b", 20, 1, true),
      new Observation("u2", "a", 30, 1, true),
      new Observation("u2", "c", 40, 1, true),
      new Observation("u3", "b", 50, 1, true),
      new Observation("u1", "c", 100, 1, true),
      new Observation("u1", "a", 120, 1, true),
      new Observation("u2", "d", 110, 1, true),
      new Observation("u2", "e", 130, 1, false),
      new Observation("u4", "a", 140, 1, true));

  /** The same order for everyone, minus what it must leave out. */
  private static final SplitRecommender FIXED =
      (user, exclude, k) -> List.of("d", "c", "e", "a", "b").stream()
          .filter(i -> !exclude.contains(i))
          .limit(k)
          .toList();

  private final TemporalSplit split = TemporalSplit.of(EVENTS, T);

  @Test
  void splitShouldKeepUsersWithHistoryAndTargetsOnly() {
    assertThat(split.training()).hasSize(5);
    assertThat(split.history()).containsOnlyKeys("u1", "u2", "u3");
    assertThat(split.truth(SplitMode.NEW_ITEMS))
        .isEqualTo(Map.of("u1", Set.of("c"), "u2", Set.of("d")));
    assertThat(split.truth(SplitMode.REPEATS))
        .isEqualTo(Map.of("u1", Set.of("c", "a"), "u2", Set.of("d")));
  }

  @Test
  void newItemsModeShouldScoreExactly() {
    SplitEvaluation.Result result =
        SplitEvaluation.run(split, SplitMode.NEW_ITEMS, Map.of("fixed", FIXED), 5);
    SplitFigures at10 = result.systems().get("fixed").get(0);

    // u1 gets [d, c, e] (a, b had), c at rank 1; u2 gets [d, e, b], d at rank 0.
    assertThat(result.lists()).isEqualTo(2);
    assertThat(at10.k()).isEqualTo(10);
    assertThat(at10.recall().value()).isEqualTo(1.0);
    assertThat(at10.recall().stdError()).isEqualTo(0.0);
    assertThat(at10.ndcg().value()).isCloseTo((1 / log2(3) + 1) / 2, within(1e-12));
    assertThat(at10.ndcg().value()).isCloseTo(0.815465, within(1e-6));
    assertThat(at10.ndcg().stdError()).isCloseTo(0.184535, within(1e-6));
    assertThat(at10.map().value()).isCloseTo(0.75, within(1e-12));
    assertThat(at10.map().stdError()).isCloseTo(0.25, within(1e-12));
    assertThat(at10.hitRate().value()).isEqualTo(1.0);
    assertThat(at10.coverage()).isCloseTo(4 / 5.0, within(1e-12));
  }

  @Test
  void repeatsModeShouldCountItemsChosenAgain() {
    SplitFigures at10 = SplitEvaluation.run(split, SplitMode.REPEATS, Map.of("fixed", FIXED), 5)
        .systems()
        .get("fixed")
        .get(0);

    // u1 gets [d, c, e, a, b] against {c, a}: hits at ranks 1 and 3.
    double u1Ndcg = (1 / log2(3) + 1 / log2(5)) / (1 + 1 / log2(3));
    assertThat(u1Ndcg).isCloseTo(0.650920, within(1e-6));
    assertThat(at10.ndcg().value()).isCloseTo((u1Ndcg + 1) / 2, within(1e-12));
    assertThat(at10.recall().value()).isEqualTo(1.0);
    assertThat(at10.map().value()).isCloseTo(((0.5 + 0.5) / 2 + 1) / 2, within(1e-12));
    assertThat(at10.coverage()).isEqualTo(1.0);
  }

  @Test
  void cutoffShouldBoundTheListScored() {
    SplitRecommender late = (user, exclude, k) ->
        List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "c", "d");
    SplitEvaluation.Result result =
        SplitEvaluation.run(split, SplitMode.NEW_ITEMS, Map.of("late", late), 14);
    assertThat(result.systems().get("late").get(0).recall().value()).isEqualTo(0.0);
    assertThat(result.systems().get("late").get(1).k()).isEqualTo(20);
    assertThat(result.systems().get("late").get(1).recall().value()).isEqualTo(1.0);
    assertThat(result.systems().get("late").get(1).ndcg().value())
        .isCloseTo((1 / log2(12) + 1 / log2(13)) / 2, within(1e-12));
  }

  @Test
  void validationShouldBeCarvedFromTheTrainingEventsAlone() {
    // Test period [100, 140], training [10, 100): the window is the test length, 41 ms, but at
    // most half of the 90 ms of training.
    assertThat(split.validationWindow()).isEqualTo(41);
    TemporalSplit validation = split.validation(split.validationWindow());
    assertThat(validation.at()).isEqualTo(59);
    assertThat(validation.training()).extracting(Observation::time).allMatch(t -> t < 59);
    assertThat(validation.truth(SplitMode.REPEATS)).isEmpty();
    assertThat(validation.end()).isLessThan(T);
  }

  @Test
  void splitBeforeEveryEventShouldBeRefusedNamingTheFix() {
    assertThatThrownBy(() -> TemporalSplit.of(EVENTS, 5))
        .hasMessageContaining("no events before the split")
        .hasMessageContaining("--at");
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
