package dev.recsys.features.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The point-in-time promise, for many generated streams: every training row equals the features
 * recomputed from only the events strictly before its timestamp, so no row depends on an event
 * at or after its own moment. The streams are seeded, so a failure names its seed.
 */
class ReplayPointInTimeTest {
  private static final int STREAMS = 200;

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
                .withNovelOnly(false),
            GeneratedStream.CATALOG)
        .run(stream.iterators(), Collections.emptyIterator(), rows::add, read -> {});

    List<UserEvent> accepted = stream.acceptedInTimeOrder();
    assertThat(summary.accepted()).isEqualTo(accepted.size());
    assertThat(summary.positives())
        .isEqualTo(accepted.stream().filter(e -> e.getType() == EventType.CLICK).count());
    for (TrainingRow row : rows) {
      assertThat(row.features()).as("row %s", row).containsExactly(recomputed(accepted, row));
    }
  }

  private static double[] recomputed(List<UserEvent> accepted, TrainingRow row) {
    FeatureStates before = new FeatureStates(GeneratedStream.CATALOG);
    accepted.stream()
        .filter(e -> e.getTimestamp().toEpochMilli() < row.timestamp())
        .forEach(before::apply);
    return PairFeatures.of(
        before.user(row.userId()),
        before.item(row.itemId()),
        before.category(row.itemId()),
        row.timestamp());
  }
}
