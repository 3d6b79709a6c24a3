package dev.recsys.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatasetGeneratorTest {

  private static final GeneratorParams SMALL =
      GeneratorParams.DEFAULT.withUsers(400).withItems(300).withCategories(6).withDays(10);
  private static final Map<EventType, EventType> REQUIRED_BEFORE = Map.of(
      EventType.CLICK, EventType.VIEW,
      EventType.ADD_TO_CART, EventType.CLICK,
      EventType.PURCHASE, EventType.ADD_TO_CART,
      EventType.RATING, EventType.PURCHASE);

  private static RecordingSink sink;
  private static DatasetSummary summary;

  @BeforeAll
  static void generate() {
    sink = new RecordingSink();
    summary = new DatasetGenerator().generate(SMALL, sink);
  }

  @Test
  void shouldEmitIdenticalDataForTheSameSeed() {
    RecordingSink again = new RecordingSink();

    DatasetSummary againSummary = new DatasetGenerator().generate(SMALL, again);

    assertThat(again.items()).isEqualTo(sink.items());
    assertThat(again.events()).isEqualTo(sink.events());
    assertThat(againSummary).isEqualTo(summary);
  }

  @Test
  void shouldEmitDifferentDataForADifferentSeed() {
    RecordingSink other = new RecordingSink();

    new DatasetGenerator().generate(SMALL.withSeed(SMALL.seed() + 1), other);

    assertThat(other.items()).isNotEqualTo(sink.items());
    assertThat(other.events().subList(0, 100)).isNotEqualTo(sink.events().subList(0, 100));
  }

  @Test
  void shouldEmitEveryItemBeforeTheFirstEvent() {
    assertThat(sink.items()).hasSize(SMALL.items());
    assertThat(sink.itemsAfterFirstEvent()).isZero();
  }

  @Test
  void shouldEmitEventsInNonDecreasingTimeWithinThePeriod() {
    List<Instant> times = sink.events().stream().map(UserEvent::getTimestamp).toList();

    assertThat(times).isNotEmpty().isSorted();
    assertThat(times.get(0)).isAfterOrEqualTo(SMALL.start());
    assertThat(times.get(times.size() - 1)).isBefore(SMALL.end());
  }

  @Test
  void shouldKeepSessionsThatRunPastMidnightInOrder() {
    Map<String, List<UserEvent>> sessions =
        sink.events().stream().collect(Collectors.groupingBy(UserEvent::getSessionId));
    List<List<UserEvent>> overnight = sessions.values().stream()
        .filter(
            session -> !utcDate(session.get(0)).equals(utcDate(session.get(session.size() - 1))))
        .toList();

    assertThat(overnight).isNotEmpty();
    assertThat(overnight)
        .allSatisfy(
            session -> assertThat(session).extracting(UserEvent::getTimestamp).isSorted());
  }

  @Test
  void shouldNeverSkipAFunnelStep() {
    Set<String> seen = new HashSet<>();
    List<UserEvent> skipped = new ArrayList<>();
    for (UserEvent event : sink.events()) {
      EventType required = REQUIRED_BEFORE.get(event.getType());
      if (required != null && !seen.contains(funnelKey(event, required))) {
        skipped.add(event);
      }
      seen.add(funnelKey(event, event.getType()));
    }

    assertThat(skipped).isEmpty();
    assertThat(summary.count(EventType.RATING)).isPositive();
  }

  @Test
  void shouldOnlyInteractWithItemsOnOffer() {
    Map<String, ItemUpdate> items =
        sink.items().stream().collect(Collectors.toMap(ItemUpdate::getItemId, Function.identity()));

    assertThat(sink.events()).allSatisfy(event -> {
      ItemUpdate item = items.get(event.getItemId());
      assertThat(event.getTimestamp()).isAfterOrEqualTo(item.getCreatedAt());
      if (!item.getAvailable()) {
        assertThat(event.getTimestamp()).isBefore(item.getUpdatedAt());
      }
    });
  }

  @Test
  void shouldCreateSomeItemsDuringThePeriodAndRetireAFew() {
    long created = sink.items().stream()
        .filter(item -> item.getCreatedAt().isAfter(SMALL.start()))
        .count();
    long retired = sink.items().stream().filter(item -> !item.getAvailable()).count();

    assertThat(created).isBetween(SMALL.items() / 20L, SMALL.items() / 4L);
    assertThat(retired).isBetween(1L, SMALL.items() / 10L);
  }

  @Test
  void shouldGiveEveryEventAUniqueIdAndASession() {
    Set<String> ids = sink.events().stream().map(UserEvent::getEventId).collect(Collectors.toSet());

    assertThat(ids).hasSameSizeAs(sink.events());
    assertThat(sink.events())
        .allSatisfy(event -> assertThat(event.getSessionId()).startsWith("s"));
  }

  @Test
  void shouldKeepValuesAndContextInRange() {
    assertThat(sink.events()).allSatisfy(event -> {
      assertThat(event.getContext()).containsOnlyKeys("device");
      assertThat(event.getContext().get("device")).isIn("ios", "android", "web");
      assertThat(event.getValue()).isIn(valuesOf(event.getType()));
    });
  }

  @Test
  void shouldSummarizeWhatItEmitted() {
    List<UserEvent> events = sink.events();
    Map<EventType, Long> byType =
        events.stream().collect(Collectors.groupingBy(UserEvent::getType, Collectors.counting()));

    assertThat(summary.eventsByType()).isEqualTo(byType);
    assertThat(summary.events()).isEqualTo(events.size());
    assertThat(summary.items()).isEqualTo(SMALL.items());
    assertThat(summary.users()).isEqualTo(SMALL.users());
    assertThat(summary.activeUsers())
        .isEqualTo(events.stream().map(UserEvent::getUserId).distinct().count());
    assertThat(summary.firstEvent()).isEqualTo(events.get(0).getTimestamp());
    assertThat(summary.lastEvent()).isEqualTo(events.get(events.size() - 1).getTimestamp());
  }

  @Test
  void shouldReportProgressUpToTheFinalCount() {
    List<Long> reports = new ArrayList<>();

    DatasetSummary progressed =
        new DatasetGenerator().generate(SMALL, new RecordingSink(), reports::add);

    assertThat(reports)
        .isSorted()
        .hasSizeGreaterThan(1)
        .startsWith(DatasetGenerator.PROGRESS_EVERY);
    assertThat(reports.get(reports.size() - 1)).isEqualTo(progressed.events());
  }

  private static LocalDate utcDate(UserEvent event) {
    return LocalDate.ofInstant(event.getTimestamp(), ZoneOffset.UTC);
  }

  private static String funnelKey(UserEvent event, EventType type) {
    return event.getUserId() + '/' + event.getSessionId() + '/' + event.getItemId() + '/' + type;
  }

  private static List<Double> valuesOf(EventType type) {
    return switch (type) {
      case RATING -> List.of(1.0, 2.0, 3.0, 4.0, 5.0);
      case PURCHASE -> List.of(1.0, 2.0, 3.0);
      default -> List.of(1.0);
    };
  }
}
