package dev.recsys.evaluation.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.recsys.evaluation.split.Observation;
import dev.recsys.evaluation.split.SplitMode;
import dev.recsys.evaluation.split.TemporalSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  private static final long DAY = Duration.ofDays(1).toMillis();

  @Test
  void tiesShouldBreakByItemId() {
    List<Observation> events = List.of(
        new Observation("u1", "z", 1, 1, true),
        new Observation("u2", "m", 1, 1, true),
        new Observation("u3", "b", 1, 1, true));
    TrainingData data = TrainingData.of(events);
    assertThat(TopItems.of(data, Popularity.of(data, events)).recommend("u1", Set.of(), 3))
        .containsExactly("b", "m", "z");
    assertThat(TopItems.of(data, Popularity.of(data, events)).recommend("u1", Set.of("m"), 3))
        .containsExactly("b", "z");
  }

  @Test
  void recentPopularityShouldCountDistinctUsersInTheWindowOnly() {
    // old: 3 users long ago; fresh: 2 users (one of them twice) in the last days.
    List<Observation> events = List.of(
        new Observation("u1", "old", 0, 1, true),
        new Observation("u2", "old", 0, 1, true),
        new Observation("u3", "old", 0, 1, true),
        new Observation("u1", "fresh", 95 * DAY, 1, true),
        new Observation("u1", "fresh", 96 * DAY, 1, true),
        new Observation("u2", "fresh", 97 * DAY, 1, true),
        new Observation("u9", "later", 101 * DAY, 1, true));
    TemporalSplit split = TemporalSplit.of(events, 100 * DAY);
    TrainingData data = TrainingData.of(split.training());
    assertThat(
            TopItems.of(data, Popularity.of(data, split.training())).recommend("u3", Set.of(), 2))
        .containsExactly("old", "fresh");
    assertThat(TopItems.of(
                data,
                Baselines.recentPopularity(Duration.ofDays(30))
                    .fit(data, split, Duration.ofDays(30)))
            .recommend("u3", Set.of(), 2))
        .containsExactly("fresh", "old");
  }

  @Test
  void itemKnnShouldScoreByCosineOfItemColumns() {
    // a: u1, u2; b: u1, u2, u3; c: u3. cos(a, b) = 2 / sqrt(2 * 3), cos(b, c) = 1 / sqrt(3).
    List<Observation> events = List.of(
        new Observation("u1", "a", 1, 1, true),
        new Observation("u2", "a", 1, 1, true),
        new Observation("u1", "b", 1, 1, true),
        new Observation("u2", "b", 1, 1, true),
        new Observation("u3", "b", 1, 1, true),
        new Observation("u3", "c", 1, 1, true),
        new Observation("u4", "a", 1, 1, true),
        new Observation("u4", "c", 1, 1, true));
    TrainingData data = TrainingData.of(events);
    ItemKnn knn = ItemKnn.fit(data, 100);
    float[] scores = new float[data.itemCount()];
    knn.score(UserRow.of(data, data.user("u4")), scores);
    // u4 has a (3 users) and c (2 users): b gets cos(a,b) + cos(c,b); a gets cos(c,a) = 1/sqrt(6).
    double cosAb = 2 / Math.sqrt(3 * 3);
    double cosCb = 1 / Math.sqrt(2 * 3);
    assertThat(scores[data.item("b")]).isCloseTo((float) (cosAb + cosCb), within(1e-6f));
    assertThat(scores[data.item("a")]).isCloseTo((float) (1 / Math.sqrt(3 * 2)), within(1e-6f));
    assertThat(ItemKnn.fit(data, 1)).isNotNull();
  }

  @Test
  void suiteShouldChooseSettingsOnValidationAndFitEveryBaselinePerMode() {
    List<Observation> events = new ArrayList<>();
    java.util.Random random = new java.util.Random(3);
    for (int u = 0; u < 60; u++) {
      for (int e = 0; e < 12; e++) {
        int item = (u % 4) * 5 + random.nextInt(6);
        events.add(new Observation("u" + u, "i" + item, e * DAY + u, 1, true));
      }
    }
    TemporalSplit split = TemporalSplit.of(events, 9 * DAY);
    List<String> said = new ArrayList<>();
    BaselineSuite.Fitted fitted = BaselineSuite.fit(
        split,
        List.of(SplitMode.values()),
        List.of(Baselines.ease(List.of(1.0, 100.0)), Baselines.popularity()),
        30,
        said::add);
    assertThat(fitted.systems(SplitMode.NEW_ITEMS)).containsOnlyKeys("ease", "popularity");
    assertThat(fitted.settings().get("ease").get(SplitMode.REPEATS)).startsWith("lambda=");
    assertThat(said).anyMatch(line -> line.contains("validation ease lambda=1: NDCG@10"));
    assertThat(fitted.systems(SplitMode.REPEATS).get("ease").recommend("u0", Set.of(), 5))
        .hasSize(5);
  }

  @Test
  void modelsAskedLaterShouldScoreTheHistoryAsItIsThen() {
    // a and b go together (u1, u2), c and d (u3, u4); u5 is a new user when asked.
    List<Observation> events = List.of(
        new Observation("u1", "a", 1, 1, true),
        new Observation("u1", "b", 1, 1, true),
        new Observation("u2", "a", 1, 1, true),
        new Observation("u2", "b", 1, 1, true),
        new Observation("u3", "c", 1, 1, true),
        new Observation("u3", "d", 1, 1, true),
        new Observation("u4", "c", 1, 1, true),
        new Observation("u4", "d", 1, 1, true));
    TrainingData data = TrainingData.of(events);
    ItemKnn knn = ItemKnn.fit(data, 100);
    java.util.Map<String, java.util.Map<String, Float>> live = new java.util.HashMap<>();
    var later = TopItems.asOf(data, knn, live::get);

    assertThat(later.recommend("u5", Set.of(), 2)).isEmpty();
    live.put("u5", new java.util.HashMap<>(java.util.Map.of("never-trained", 1f)));
    assertThat(later.recommend("u5", Set.of(), 2)).as("items the fit never saw").isEmpty();
    live.get("u5").put("a", 1f);
    assertThat(later.recommend("u5", Set.of("a"), 1)).containsExactly("b");
    live.get("u5").put("c", 1f);
    live.get("u5").put("d", 1f);
    assertThat(later.recommend("u5", Set.of("a", "c", "d"), 3)).startsWith("b");
    assertThat(later.recommend("u1", Set.of("a", "b"), 1))
        .as("u1 as the fit saw it, unknown " + "to the live histories")
        .isEmpty();
    live.put("u1", java.util.Map.of("a", 1f, "b", 1f));
    assertThat(later.recommend("u1", Set.of(), 4))
        .isEqualTo(TopItems.of(data, knn).recommend("u1", Set.of(), 4));
  }

  @Test
  void ialsFoldedInOnATrainingRowShouldRankLikeTheTrainedVector() {
    List<Observation> events = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (int u = 0; u < 80; u++) {
      for (int e = 0; e < 10; e++) {
        events.add(new Observation("u" + u, "i" + ((u % 5) * 8 + random.nextInt(8)), e, 1, true));
      }
    }
    TrainingData data = TrainingData.of(events);
    AlsModel als = AlsModel.fit(
        data,
        dev.recsys.candidates.embeddings.AlsParams.DEFAULT.withFactors(8).withRegularization(1f));
    java.util.Map<String, java.util.Map<String, Float>> live = new java.util.HashMap<>();
    for (Observation o : events) {
      live.computeIfAbsent(o.userId(), u -> new java.util.HashMap<>())
          .merge(o.itemId(), 1f, Float::sum);
    }
    int same = 0;
    for (int u = 0; u < 80; u++) {
      List<String> trained = TopItems.of(data, als).recommend("u" + u, Set.of(), 5);
      List<String> folded = TopItems.asOf(data, als, live::get).recommend("u" + u, Set.of(), 5);
      same += (int) folded.stream().filter(trained::contains).count();
    }
    // The trained vector was solved against the item factors of the pass before the last.
    assertThat(same).isGreaterThan(80 * 5 * 8 / 10);
  }
}
