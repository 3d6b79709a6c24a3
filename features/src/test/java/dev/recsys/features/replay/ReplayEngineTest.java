package dev.recsys.features.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.intake.RefusalReason;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ImpressionItem;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayEngineTest {
  private static final Instant T0 = TestClocks.FIXED.instant();
  private static final LabelPolicy CLICKS =
      LabelPolicy.DEFAULT.withPositives(Set.of(EventType.CLICK)).withNovelOnly(false);
  private final List<TrainingRow> rows = new ArrayList<>();

  @Test
  void shouldRefuseAnEventBeyondTheGracePeriodLikeTheStream() {
    ReplaySummary summary = replay(
        CLICKS,
        Collections.emptyIterator(),
        Events.viewed("u1", "i1").at(T0.plus(Duration.ofHours(3))).build(),
        Events.clicked("u1", "i2").at(T0).build(),
        Events.clicked("u1", "i3")
            .at(T0.plus(Duration.ofHours(2).plusMinutes(30)))
            .build());

    assertThat(summary.refused()).containsEntry(RefusalReason.LATE, 1L);
    assertThat(summary.accepted()).isEqualTo(2);
    assertThat(rows)
        .as("the view at 3h comes later in event time: no negatives yet")
        .extracting(TrainingRow::itemId)
        .containsExactly("i3");
  }

  @Test
  void shouldCountADuplicateEventOnce() {
    UserEvent click = Events.clicked("u1", "i1").at(T0).build();
    ReplaySummary summary = replay(CLICKS, Collections.emptyIterator(), click, click);

    assertThat(summary.duplicates()).isEqualTo(1);
    assertThat(summary.positives()).isEqualTo(1);
  }

  @Test
  void shouldJudgeDuplicatesInOffsetOrderAsTheStreamDoesThoughItAppliesInEventTimeOrder() {
    // The stream sees x, then z eight days later (which makes the user forget x), then x again
    // with a time just within grace of z: new to the stream. In event-time order the resend
    // comes before z, while x is still remembered; replay must still apply it.
    UserEvent x = Events.clicked("u1", "i1").id("x").at(T0).build();
    UserEvent z = Events.viewed("u1", "i2").at(T0.plus(Duration.ofDays(8))).build();
    UserEvent resent = Events.clicked("u1", "i1")
        .id("x")
        .at(T0.plus(Duration.ofDays(8)).minus(Duration.ofMinutes(30)))
        .build();
    ReplayEngine engine = new ReplayEngine(IntakePolicy.DEFAULT, CLICKS, Map.of());
    ReplaySummary summary = run(engine, x, z, resent);

    assertThat(summary.duplicates()).isZero();
    assertThat(summary.accepted()).isEqualTo(3);
    assertThat(engine.states().user("u1").get("user.events_total")).isEqualTo(3.0);
    assertThat(engine.states().item("i1").get("item.events_total")).isEqualTo(2.0);
  }

  @Test
  void shouldSampleNegativesFromPastPopularityOnlyAndNeverThePositive() {
    ReplaySummary summary = replay(
        CLICKS.withNegatives(3).withSampling(LabelPolicy.Negatives.POPULARITY),
        Collections.emptyIterator(),
        Events.clicked("u1", "i1").at(T0).build(),
        Events.viewed("u2", "i2").at(T0.plusSeconds(1)).build(),
        Events.viewed("u2", "i3").at(T0.plusSeconds(2)).build(),
        Events.clicked("u3", "i2").at(T0.plusSeconds(3)).build());

    assertThat(summary.positives()).isEqualTo(2);
    assertThat(rows.get(0).itemId()).isEqualTo("i1");
    assertThat(rows.get(1).label())
        .as("nothing was popular before the first click")
        .isOne();
    List<TrainingRow> second = rows.subList(1, rows.size());
    assertThat(second).extracting(TrainingRow::itemId).containsExactlyInAnyOrder("i2", "i1", "i3");
    assertThat(second)
        .filteredOn(r -> r.label() == 0)
        .extracting(TrainingRow::itemId)
        .doesNotContain("i2");
  }

  @Test
  void shouldLabelOnlyFirstTouchesWhenNovelOnly() {
    ReplaySummary summary = replay(
        CLICKS.withNovelOnly(true),
        Collections.emptyIterator(),
        Events.viewed("u1", "i1").at(T0).build(),
        Events.clicked("u1", "i1").at(T0.plusSeconds(5)).build(),
        Events.clicked("u1", "i2").at(T0.plusSeconds(9)).build());

    assertThat(summary.positives()).isOne();
    assertThat(rows)
        .filteredOn(r -> r.label() == 1)
        .extracting(TrainingRow::itemId)
        .containsExactly("i2");
  }

  @Test
  void shouldLabelShownItemsByWhatTheUserDidWithThatRequest() {
    Instant shownAt = T0.plusSeconds(10);
    Impression impression = new Impression(
        "req-1",
        "u1",
        List.of(new ImpressionItem("i1", 0, 0.9f), new ImpressionItem("i2", 1, 0.8f)),
        "m1",
        shownAt);
    ReplaySummary summary = replay(
        CLICKS,
        List.of(impression).iterator(),
        Events.viewed("u1", "i2").at(T0).build(),
        Events.clicked("u1", "i2").at(shownAt.plusSeconds(5)).request("req-1").build(),
        Events.clicked("u1", "i1").at(shownAt.plusSeconds(6)).build());

    assertThat(summary.fromImpressions()).isTrue();
    assertThat(rows).extracting(TrainingRow::groupId).containsOnly("req-1");
    assertThat(rows)
        .filteredOn(r -> r.label() == 1)
        .extracting(TrainingRow::itemId)
        .containsExactly("i2");
    TrainingRow i2 =
        rows.stream().filter(r -> r.itemId().equals("i2")).findFirst().orElseThrow();
    int touches = PairFeatures.NAMES.indexOf("pair_item_touches");
    assertThat(i2.features()[touches]).as("only the view before the impression").isEqualTo(1.0);
  }

  private ReplaySummary replay(
      LabelPolicy labels, Iterator<Impression> impressions, UserEvent... events) {
    List<SourcedEvent> partition = new ArrayList<>();
    for (UserEvent e : events) {
      partition.add(new SourcedEvent(
          0, partition.size(), e.getTimestamp().toEpochMilli(), Codecs.USER_EVENT.encode(e)));
    }
    return new ReplayEngine(IntakePolicy.DEFAULT, labels, Map.of())
        .run(List.of(partition.iterator()), impressions, rows::add, read -> {});
  }

  private ReplaySummary run(ReplayEngine engine, UserEvent... events) {
    List<SourcedEvent> partition = new ArrayList<>();
    for (UserEvent e : events) {
      partition.add(new SourcedEvent(
          0, partition.size(), e.getTimestamp().toEpochMilli(), Codecs.USER_EVENT.encode(e)));
    }
    return engine.run(
        List.of(partition.iterator()), Collections.emptyIterator(), rows::add, read -> {});
  }
}
