package dev.recsys.features.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.pair.ItemVectors;
import dev.recsys.features.pair.NearestItems;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The point-in-time promise, for many generated streams: every training row equals the features
 * recomputed from only the events strictly before its timestamp, so no row depends on an event
 * at or after its own moment. The recomputation goes the way serving goes (from the vectors the
 * online store holds, the taste from the item vectors), so the rows also match what serving
 * computes. The streams are seeded, so a failure names its seed.
 */
class ReplayPointInTimeTest {
  private static final int STREAMS = 200;
  /** Item vectors for the taste similarity; i6 has none (not in the index). */
  private static final Map<String, float[]> VECTORS = Map.of(
      "i1", new float[] {1, 0, 0},
      "i2", new float[] {0.8f, 0.6f, 0},
      "i3", new float[] {0, 1, 0},
      "i4", new float[] {0, 0, 2},
      "i5", new float[] {-1, 0.5f, 0});

  private static final ItemVectors EMBEDDINGS = VECTORS::get;
  /** Brute force over {@link #VECTORS} by cosine, ties by id. */
  private static final NearestItems NEAREST = (query, n) -> VECTORS.keySet().stream()
      .sorted(Comparator.comparingDouble((String id) -> -cosine(query, VECTORS.get(id)))
          .thenComparing(Comparator.naturalOrder()))
      .limit(n)
      .toList();

  private static final int TASTE = PairFeatures.NAMES.indexOf("pair_taste_similarity");

  static Stream<Arguments> streams() {
    SplittableRandom random = new SplittableRandom(20261129);
    return Stream.generate(
            () -> Arguments.of(random.nextLong(), random.nextInt(1, 4), random.nextInt(1, 61)))
        .limit(STREAMS);
  }

  @ParameterizedTest(name = "seed {0}, {1} partitions x {2} records")
  @MethodSource("streams")
  void shouldBuildEveryRowFromStrictlyEarlierEventsOnly(
      long seed, int partitions, int perPartition) {
    GeneratedStream stream = GeneratedStream.generate(seed, partitions, perPartition);
    List<TrainingRow> rows = new ArrayList<>();
    ReplaySummary summary = new ReplayEngine(
            IntakePolicy.DEFAULT,
            LabelPolicy.DEFAULT
                .withPositives(Set.of(EventType.CLICK))
                .withNegatives(2)
                .withHardNegatives(1)
                .withNovelOnly(false),
            GeneratedStream.CATALOG,
            EMBEDDINGS,
            NEAREST)
        .run(stream.iterators(), Collections.emptyIterator(), rows::add, read -> {});

    List<UserEvent> accepted = stream.acceptedInTimeOrder();
    assertThat(summary.accepted()).isEqualTo(accepted.size());
    assertThat(summary.positives())
        .isEqualTo(accepted.stream().filter(e -> e.getType() == EventType.CLICK).count());
    for (TrainingRow row : rows) {
      assertThat(row.features()).as("row %s", row).containsExactly(recomputed(accepted, row));
    }
  }

  @Test
  void shouldGiveTasteSimilarityOnlyFromItemsTouchedBefore() {
    GeneratedStream stream = GeneratedStream.generate(20261207, 3, 60);
    List<TrainingRow> rows = new ArrayList<>();
    new ReplayEngine(
            IntakePolicy.DEFAULT,
            LabelPolicy.DEFAULT.withPositives(Set.of(EventType.CLICK)).withNovelOnly(false),
            GeneratedStream.CATALOG,
            EMBEDDINGS,
            NEAREST)
        .run(stream.iterators(), Collections.emptyIterator(), rows::add, read -> {});

    List<UserEvent> accepted = stream.acceptedInTimeOrder();
    for (TrainingRow row : rows) {
      boolean touchedBefore = accepted.stream()
          .anyMatch(e -> e.getUserId().equals(row.userId())
              && e.getTimestamp().toEpochMilli() < row.timestamp()
              && VECTORS.containsKey(e.getItemId()));
      if (!touchedBefore || !VECTORS.containsKey(row.itemId())) {
        assertThat(row.features()[TASTE]).as("row %s", row).isZero();
      }
    }
    assertThat(rows).anyMatch(row -> row.features()[TASTE] > 0.5);
    assertThat(rows).anyMatch(row -> row.features()[TASTE] < 0);
  }

  @Test
  void shouldDrawHardNegativesNearTheTasteAndNeverTheUsersRecentItems() {
    GeneratedStream stream = GeneratedStream.generate(20261208, 3, 60);
    List<TrainingRow> rows = new ArrayList<>();
    new ReplayEngine(
            IntakePolicy.DEFAULT,
            LabelPolicy.DEFAULT
                .withPositives(Set.of(EventType.CLICK))
                .withNovelOnly(false)
                .withNegatives(2)
                .withHardNegatives(2),
            GeneratedStream.CATALOG,
            EMBEDDINGS,
            NEAREST)
        .run(stream.iterators(), Collections.emptyIterator(), rows::add, read -> {});

    List<UserEvent> accepted = stream.acceptedInTimeOrder();
    TrainingRow positive = null;
    int checked = 0;
    for (TrainingRow row : rows) {
      if (row.label() == 1) {
        positive = row;
        continue;
      }
      PairFeatures.Side user = userBefore(accepted, row).withTaste(EMBEDDINGS);
      if (user.taste() == null) {
        continue;
      }
      Set<String> pool = new HashSet<>(VECTORS.keySet());
      user.recent().forEach(touch -> pool.remove(touch.itemId()));
      pool.remove(positive.itemId());
      if (pool.size() >= 2) {
        assertThat(pool).as("negative %s of %s", row, positive).contains(row.itemId());
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  private static PairFeatures.Side userBefore(List<UserEvent> accepted, TrainingRow row) {
    FeatureStates before = new FeatureStates(GeneratedStream.CATALOG);
    accepted.stream()
        .filter(e -> e.getTimestamp().toEpochMilli() < row.timestamp())
        .forEach(before::apply);
    return PairFeatures.Side.user(before.user(row.userId()));
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static double[] recomputed(List<UserEvent> accepted, TrainingRow row) {
    FeatureStates before = new FeatureStates(GeneratedStream.CATALOG);
    accepted.stream()
        .filter(e -> e.getTimestamp().toEpochMilli() < row.timestamp())
        .forEach(before::apply);
    return PairFeatures.of(
        PairFeatures.Side.user(before.user(row.userId())).withTaste(EMBEDDINGS),
        PairFeatures.Side.item(before.item(row.itemId())),
        before.category(row.itemId()),
        EMBEDDINGS.vector(row.itemId()),
        row.timestamp());
  }
}
