package dev.recsys.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRulesTest {
  private static final Instant NOW = Instant.parse("2021-06-01T00:00:01Z");

  private static UserEvent event(String userId, EventType type, double value, Instant at) {
    return new UserEvent("e1", userId, "i1", type, value, at, null, Map.of(), null);
  }

  @Test
  void shouldAcceptAValidEvent() {
    assertThat(EventRules.check(event("u1", EventType.VIEW, 1.0, NOW), NOW)).isEmpty();
  }

  @Test
  void shouldRejectBlankOverlongAndControlCharacterIds() {
    assertThat(EventRules.check(event(" ", EventType.VIEW, 1, NOW), NOW))
        .containsExactly(new Violation("user_id", "is required and must not be blank"));
    assertThat(EventRules.check(event("u".repeat(257), EventType.VIEW, 1, NOW), NOW))
        .containsExactly(new Violation("user_id", "is 257 characters; at most 256 are allowed"));
    assertThat(EventRules.check(event("u\n1", EventType.VIEW, 1, NOW), NOW))
        .containsExactly(new Violation("user_id", "must not contain control characters"));
  }

  @Test
  void shouldRejectUnknownTypeAndNonFiniteValue() {
    assertThat(EventRules.check(event("u1", EventType.UNKNOWN, Double.NaN, NOW), NOW))
        .extracting(Violation::field)
        .containsExactly("type", "value");
  }

  @Test
  void shouldRejectTimesBefore1990OrMoreThanADayAhead() {
    Instant secondsSentAsMillis = Instant.ofEpochMilli(1_622_505_601L);
    assertThat(EventRules.check(event("u1", EventType.VIEW, 1, secondsSentAsMillis), NOW))
        .singleElement()
        .satisfies(v ->
            assertThat(v.reason()).contains("before 1990-01-01").contains("looks like seconds"));
    assertThat(EventRules.check(
            event("u1", EventType.VIEW, 1, Instant.parse("1996-02-29T10:00:00Z")), NOW))
        .isEmpty();
    assertThat(
            EventRules.check(event("u1", EventType.VIEW, 1, NOW.plus(Duration.ofHours(25))), NOW))
        .singleElement()
        .satisfies(v -> assertThat(v.reason()).contains("in the future"));
    assertThat(
            EventRules.check(event("u1", EventType.VIEW, 1, NOW.plus(Duration.ofHours(23))), NOW))
        .isEmpty();
  }

  @Test
  void shouldRejectANegativePriceAndNameTheItem() {
    ItemUpdate item = new ItemUpdate("i1", "c", List.of(), -1.0, true, NOW, NOW, Map.of());
    assertThatThrownBy(() -> EventRules.require(item, Clock.fixed(NOW, ZoneOffset.UTC)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("invalid item 'i1': price: must not be negative, got -1.0");
  }
}
