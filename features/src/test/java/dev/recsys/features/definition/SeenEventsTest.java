package dev.recsys.features.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeenEventsTest {
  private static final long HORIZON = 1_000_000;

  @Test
  void shouldTellEveryRepeatFromEveryNewIdAmongThousands() {
    SeenEvents seen = new SeenEvents();
    Set<String> reference = new HashSet<>();
    Random random = new Random(11);
    long latest = 0;
    for (int i = 0; i < SeenEvents.MAX_IDS; i++) {
      String id = random.nextInt(4) == 0 && !reference.isEmpty()
          ? "e" + random.nextInt(reference.size())
          : "e" + reference.size();
      latest = Math.max(latest, i);
      assertThat(seen.add(id, i, latest, HORIZON)).as(id).isEqualTo(reference.add(id));
    }
    assertThat(seen.size()).isEqualTo(reference.size());
  }

  @Test
  void shouldForgetOnlyWhatFellBehindTheHorizonAndKeepDecidingAlikeAfterARoundTrip()
      throws IOException {
    SeenEvents seen = new SeenEvents();
    for (int t = 0; t < 5 * HORIZON; t += 1_000) {
      seen.add(UUID.nameUUIDFromBytes(("e" + t).getBytes()).toString(), t, t, HORIZON);
    }
    long latest = 5 * HORIZON - 1_000;
    // Kept: everything within the horizon, and at most an eighth of a horizon more.
    assertThat(seen.size()).isBetween(1_000, 1_126);
    SeenEvents restored = roundTrip(seen, latest);
    assertThat(bytes(restored, latest)).isEqualTo(bytes(seen, latest));
    for (long t = latest - HORIZON; t <= latest; t += 1_000) {
      String id = UUID.nameUUIDFromBytes(("e" + t).getBytes()).toString();
      assertThat(restored.add(id, t, latest, HORIZON)).as("%s at %d", id, t).isFalse();
    }
  }

  @Test
  void shouldKeepAtMostMaxIdsForgettingTheFirstAddedQuarterFirst() {
    SeenEvents seen = new SeenEvents();
    for (int i = 0; i <= SeenEvents.MAX_IDS; i++) {
      assertThat(seen.add("e" + i, i, i, HORIZON * 1_000)).isTrue();
    }
    assertThat(seen.size()).isEqualTo(SeenEvents.MAX_IDS * 3 / 4 + 1);
    assertThat(seen.add("e" + (SeenEvents.MAX_IDS / 4 - 1), 0, SeenEvents.MAX_IDS, HORIZON))
        .as("forgotten")
        .isTrue();
    assertThat(seen.add("e" + SeenEvents.MAX_IDS / 4, 0, SeenEvents.MAX_IDS, HORIZON))
        .as("kept")
        .isFalse();
  }

  @Test
  void shouldNeverHashAnIdToTheEmptySlot() {
    for (int i = 0; i < 100_000; i++) {
      assertThat(SeenEvents.hash("e" + i)).isNotZero();
    }
  }

  private static SeenEvents roundTrip(SeenEvents seen, long latest) throws IOException {
    return SeenEvents.read(
        new DataInputStream(new ByteArrayInputStream(bytes(seen, latest))), latest);
  }

  private static byte[] bytes(SeenEvents seen, long latest) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    seen.write(new DataOutputStream(out), latest);
    return out.toByteArray();
  }
}
