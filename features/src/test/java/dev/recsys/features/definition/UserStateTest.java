package dev.recsys.features.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.recsys.schemas.avro.EventType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UserStateTest {
  private static final long T0 = 1_622_505_601_000L;
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private static final AtomicLong EVENT_IDS = new AtomicLong();

  private static Interaction at(long ts, EventType type, String item, String category) {
    return new Interaction(
        "e" + EVENT_IDS.incrementAndGet(), "u1", item, type, 1.0, ts, "s1", category);
  }

  private static FeatureVector run(List<Interaction> interactions) {
    UserState state = new UserState();
    interactions.forEach(state::apply);
    return state.features("u1");
  }

  @Test
  void shouldCountEachWindowUpToTheLastEvent() {
    FeatureVector v = run(List.of(
        at(T0 - 8 * DAY, EventType.CLICK, "i0", "c1"),
        at(T0 - 2 * HOUR, EventType.CLICK, "i1", "c1"),
        at(T0 - 30 * MINUTE, EventType.CLICK, "i2", "c1"),
        at(T0, EventType.CLICK, "i3", "c1"),
        at(T0, EventType.VIEW, "i3", "c1")));

    assertThat(v.get("user.click_1h")).isEqualTo(2);
    assertThat(v.get("user.click_24h")).isEqualTo(3);
    assertThat(v.get("user.click_7d")).isEqualTo(3);
    assertThat(v.get("user.view_1h")).isEqualTo(1);
    assertThat(v.get("user.purchase_7d")).isZero();
    assertThat(v.get(FeatureNames.USER_EVENTS_TOTAL)).isEqualTo(5);
    assertThat(v.updatedAt()).isEqualTo(T0);
  }

  @Test
  void shouldReachTheSameValuesWhateverTheArrivalOrder() {
    List<Interaction> events = new ArrayList<>();
    Random random = new Random(7);
    EventType[] types = {EventType.VIEW, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE
    };
    for (int i = 0; i < 300; i++) {
      events.add(at(
          T0 - random.nextInt(6 * 24 * 60) * MINUTE,
          types[random.nextInt(4)],
          "i" + random.nextInt(40),
          "c" + random.nextInt(5)));
    }
    FeatureVector ordered = run(events);
    Collections.shuffle(events, random);
    FeatureVector shuffled = run(events);

    assertThat(shuffled.values().keySet()).isEqualTo(ordered.values().keySet());
    ordered
        .values()
        .forEach((name, value) ->
            assertThat(shuffled.get(name)).as(name).isCloseTo(value, within(1e-9)));
    assertThat(shuffled.recent()).isEqualTo(ordered.recent());
  }

  @Test
  void shouldHalveAffinityEveryWeekAndCountTimeSinceTheLastEvent() {
    FeatureVector v = run(List.of(at(T0, EventType.CLICK, "i1", "books")));
    assertThat(v.get("user.affinity.books")).isEqualTo(2.0);

    FeatureVector weekLater = v.at(T0 + 7 * DAY);
    assertThat(weekLater.get("user.affinity.books")).isCloseTo(1.0, within(1e-12));
    assertThat(weekLater.get("user.seconds_since_last_event")).isEqualTo(7 * 24 * 3600.0);
    assertThat(v.at(T0 - HOUR).get("user.seconds_since_last_event")).isZero();
  }

  @Test
  void shouldWeighPurchasesOverViewsAndDislikesAgainst() {
    FeatureVector v = run(List.of(
        at(T0, EventType.PURCHASE, "i1", "shoes"),
        at(T0, EventType.VIEW, "i2", "hats"),
        at(T0, EventType.DISLIKE, "i3", "bags")));
    assertThat(v.get("user.affinity.shoes")).isEqualTo(8);
    assertThat(v.get("user.affinity.hats")).isEqualTo(1);
    assertThat(v.get("user.affinity.bags")).isEqualTo(-4);
  }

  @Test
  void shouldKeepTheLastTwentyInteractionsInTimeOrder() {
    List<Interaction> events = new ArrayList<>();
    for (int i = 25; i > 0; i--) {
      events.add(at(T0 + i * MINUTE, EventType.VIEW, "i" + i, null));
    }
    FeatureVector v = run(events);
    assertThat(v.recent()).hasSize(UserState.RECENT);
    assertThat(v.recent().get(0).itemId()).isEqualTo("i6");
    assertThat(v.recent().get(19).itemId()).isEqualTo("i25");
  }

  @Test
  void shouldCountDistinctItemsOfTheCurrentSessionOnly() {
    UserState state = new UserState();
    state.apply(at(T0, EventType.VIEW, "i1", null));
    state.apply(at(T0 + 1, EventType.VIEW, "i2", null));
    state.apply(at(T0 + 2, EventType.CLICK, "i2", null));
    assertThat(state.features("u1").get(FeatureNames.USER_SESSION_DISTINCT_ITEMS))
        .isEqualTo(2);
    state.apply(new Interaction("e9", "u1", "i3", EventType.VIEW, 1, T0 + 3, "s2", null));
    assertThat(state.features("u1").get(FeatureNames.USER_SESSION_DISTINCT_ITEMS))
        .isEqualTo(1);
    Interaction noSession = new Interaction(
        "e10", "u1", "i4", EventType.VIEW, 1, T0 + Duration.ofHours(2).toMillis(), null, null);
    state.apply(noSession);
    assertThat(state.features("u1").get(FeatureNames.USER_SESSION_DISTINCT_ITEMS))
        .isEqualTo(1);
  }

  @Test
  void shouldRestoreTheExactStateFromItsBytes() throws IOException {
    UserState state = new UserState();
    for (int i = 0; i < 50; i++) {
      state.apply(at(T0 + i * HOUR, EventType.values()[i % 5], "i" + i % 7, "c" + i % 3));
    }
    byte[] bytes = bytes(state);
    UserState restored = read(bytes, UserState.DEFAULT_DEDUPE_HORIZON);
    assertThat(restored.features("u1")).isEqualTo(state.features("u1"));
    assertThat(bytes(restored)).isEqualTo(bytes);
  }

  @Test
  void shouldApplyAnEventOnceHoweverOftenItArrives() throws IOException {
    UserState state = new UserState();
    Interaction click = at(T0, EventType.CLICK, "i1", "books");
    assertThat(state.apply(click)).isTrue();
    assertThat(state.apply(at(T0 + MINUTE, EventType.VIEW, "i2", "games"))).isTrue();
    byte[] before = bytes(state);

    assertThat(state.apply(click)).isFalse();
    Interaction resentLater = new Interaction(
        click.eventId(), "u1", "i1", EventType.CLICK, 1.0, T0 + HOUR, "s1", "books");
    assertThat(state.apply(resentLater)).as("the same id with another time").isFalse();
    assertThat(bytes(state)).isEqualTo(before);
    assertThat(read(before, UserState.DEFAULT_DEDUPE_HORIZON).apply(click))
        .as("a restored state remembers the ids")
        .isFalse();
    assertThat(state.features("u1").get(FeatureNames.USER_EVENTS_TOTAL)).isEqualTo(2);
  }

  @Test
  void shouldForgetEventIdsOnceTheyFallBehindTheHorizon() {
    Duration horizon = Duration.ofHours(1);
    UserState state = new UserState(horizon);
    Interaction first = at(T0, EventType.VIEW, "i1", null);
    state.apply(first);
    state.apply(at(T0 + horizon.toMillis(), EventType.VIEW, "i2", null));
    assertThat(state.apply(first)).as("exactly the horizon behind: remembered").isFalse();
    // The sweep runs once the oldest id is an eighth of a horizon past it.
    state.apply(at(T0 + 2 * horizon.toMillis(), EventType.VIEW, "i3", null));
    assertThat(state.apply(first)).as("two horizons behind: forgotten").isTrue();
  }

  @Test
  void shouldRefuseAStateWrittenBeforeEventIdsWereKept() {
    byte[] older = {0, 0, 0};

    assertThatThrownBy(() -> read(older, UserState.DEFAULT_DEDUPE_HORIZON))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("written by an older build")
        .hasMessageContaining("features.application-id");
  }

  @Test
  void shouldRefuseANonPositiveHorizon() {
    assertThatThrownBy(() -> new UserState(Duration.ZERO))
        .hasMessageContaining("features.dedupe-horizon must be > 0");
  }

  private static UserState read(byte[] bytes, Duration horizon) throws IOException {
    return UserState.read(new DataInputStream(new ByteArrayInputStream(bytes)), horizon);
  }

  private static byte[] bytes(UserState state) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    state.write(new DataOutputStream(out));
    return out.toByteArray();
  }
}
