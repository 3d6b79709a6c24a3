package dev.recsys.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks that the demo data set has the shape and the learnable signal a recommender needs. */
class DatasetSignalTest {

  private static final GeneratorParams DEMO = GeneratorParams.DEFAULT;

  private static DatasetSummary summary;
  private static List<UserEvent> events;
  private static Map<String, String> categoryOfItem;

  /** Each user's most viewed category in the first half of the period. */
  private static Map<String, String> favouriteCategory;

  /** Events of the second half whose user has a favourite category. */
  private static List<UserEvent> heldOut;

  @BeforeAll
  static void generate() {
    RecordingSink sink = new RecordingSink();
    summary = new DatasetGenerator().generate(DEMO, sink);
    events = sink.events();
    categoryOfItem = sink.items().stream()
        .collect(Collectors.toMap(ItemUpdate::getItemId, ItemUpdate::getCategory));
    Instant half = DEMO.start().plus(Duration.ofDays(DEMO.days() / 2));
    favouriteCategory = events.stream()
        .filter(
            event -> event.getType() == EventType.VIEW && event.getTimestamp().isBefore(half))
        .collect(
            Collectors.groupingBy(UserEvent::getUserId, mostFrequent(DatasetSignalTest::category)));
    heldOut = events.stream()
        .filter(event -> !event.getTimestamp().isBefore(half)
            && favouriteCategory.containsKey(event.getUserId()))
        .toList();
  }

  @Test
  void shouldHaveTheDemoSizeWithEveryKindOfInteraction() {
    assertThat(summary.events()).isBetween(100_000L, 200_000L);
    assertThat((double) DEMO.estimatedEvents()).isCloseTo(summary.events(), withinPercent(25));
    assertThat(summary.eventsByType().keySet())
        .containsExactlyInAnyOrderElementsOf(EnumSet.of(
            EventType.VIEW,
            EventType.CLICK,
            EventType.ADD_TO_CART,
            EventType.PURCHASE,
            EventType.RATING));
    assertThat(summary.activeUsers()).isGreaterThan(DEMO.users() * 8 / 10);
  }

  @Test
  void shouldRealizeTheConfiguredFunnelRates() {
    FunnelRates rates = DEMO.funnel();

    assertThat(ratio(EventType.CLICK, EventType.VIEW)).isCloseTo(rates.click(), withinPercent(15));
    assertThat(ratio(EventType.ADD_TO_CART, EventType.CLICK))
        .isCloseTo(rates.cart(), withinPercent(15));
    assertThat(ratio(EventType.PURCHASE, EventType.ADD_TO_CART))
        .isCloseTo(rates.purchase(), withinPercent(15));
    assertThat(ratio(EventType.RATING, EventType.PURCHASE))
        .isCloseTo(rates.rating(), withinPercent(15));
  }

  @Test
  void shouldGiveTheTopTenPercentOfItemsMostViews() {
    List<Long> views = countBy(UserEvent::getItemId, isType(EventType.VIEW)).stream()
        .sorted(Comparator.reverseOrder())
        .toList();
    long top =
        views.stream().limit(DEMO.items() / 10).mapToLong(Long::longValue).sum();

    assertThat((double) top / summary.count(EventType.VIEW)).isGreaterThan(0.5);
  }

  @Test
  void shouldHaveAFewVeryActiveUsersAndManyLightOnes() {
    List<Long> perUser =
        countBy(UserEvent::getUserId, event -> true).stream().sorted().toList();
    long median = perUser.get(perUser.size() / 2);
    long topTenPercent = perUser.subList(perUser.size() * 9 / 10, perUser.size()).stream()
        .mapToLong(Long::longValue)
        .sum();

    assertThat((double) topTenPercent / summary.events()).isGreaterThan(0.3);
    assertThat(perUser.get(perUser.size() - 1)).isGreaterThan(10 * median);
  }

  @Test
  void shouldKeepViewingTheCategoriesAUserViewedBefore() {
    List<UserEvent> views = heldOut.stream().filter(isType(EventType.VIEW)).toList();
    Map<String, Long> viewsByCategory = views.stream()
        .collect(Collectors.groupingBy(DatasetSignalTest::category, Collectors.counting()));
    // A user who picked categories at random would hit the favourite as often as everybody's views
    // do.
    double chance = views.stream()
            .mapToDouble(
                event -> viewsByCategory.getOrDefault(favouriteCategory.get(event.getUserId()), 0L))
            .average()
            .orElseThrow()
        / views.size();

    assertThat(share(views, DatasetSignalTest::inFavouriteCategory)).isGreaterThan(2 * chance);
  }

  @Test
  void shouldClickMoreOnTheFavouriteCategory() {
    double favourite = clickThrough(DatasetSignalTest::inFavouriteCategory);
    double other = clickThrough(Predicate.not(DatasetSignalTest::inFavouriteCategory));

    assertThat(favourite).isGreaterThan(1.3 * other);
  }

  @Test
  void shouldRateTheFavouriteCategoryHigher() {
    double favourite = meanRating(DatasetSignalTest::inFavouriteCategory);
    double other = meanRating(Predicate.not(DatasetSignalTest::inFavouriteCategory));

    assertThat(favourite).isGreaterThan(other + 0.1);
  }

  private static String category(UserEvent event) {
    return categoryOfItem.get(event.getItemId());
  }

  private static boolean inFavouriteCategory(UserEvent event) {
    return category(event).equals(favouriteCategory.get(event.getUserId()));
  }

  private static Collector<UserEvent, ?, String> mostFrequent(Function<UserEvent, String> key) {
    return Collectors.collectingAndThen(
        Collectors.groupingBy(key, Collectors.counting()),
        counts -> counts.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .orElseThrow()
            .getKey());
  }

  private static Predicate<UserEvent> isType(EventType type) {
    return event -> event.getType() == type;
  }

  private static Collection<Long> countBy(
      Function<UserEvent, String> key, Predicate<UserEvent> filter) {
    return events.stream()
        .filter(filter)
        .collect(Collectors.groupingBy(key, Collectors.counting()))
        .values();
  }

  private static double ratio(EventType numerator, EventType denominator) {
    return (double) summary.count(numerator) / summary.count(denominator);
  }

  private static double share(List<UserEvent> among, Predicate<UserEvent> condition) {
    return (double) among.stream().filter(condition).count() / among.size();
  }

  private static double clickThrough(Predicate<UserEvent> segment) {
    long views = heldOut.stream().filter(isType(EventType.VIEW).and(segment)).count();
    long clicks = heldOut.stream().filter(isType(EventType.CLICK).and(segment)).count();
    return (double) clicks / views;
  }

  private static double meanRating(Predicate<UserEvent> segment) {
    return events.stream()
        .filter(isType(EventType.RATING)
            .and(event -> favouriteCategory.containsKey(event.getUserId()))
            .and(segment))
        .mapToDouble(UserEvent::getValue)
        .average()
        .orElseThrow();
  }

  private static Percentage withinPercent(double percent) {
    return Percentage.withPercentage(percent);
  }
}
