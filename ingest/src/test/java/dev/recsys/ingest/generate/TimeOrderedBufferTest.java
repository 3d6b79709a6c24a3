package dev.recsys.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.schemas.avro.EventType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOrderedBufferTest {

  private final TimeOrderedBuffer buffer = new TimeOrderedBuffer();
  private final List<Interaction> released = new ArrayList<>();

  @Test
  void shouldReleaseOnlyWhatPrecedesTheWatermarkInTimeOrder() {
    buffer.add(at(30, 0));
    buffer.add(at(10, 1));
    buffer.add(at(20, 2));

    buffer.releaseBefore(25, released::add);

    assertThat(released).extracting(Interaction::at).containsExactly(10L, 20L);
  }

  @Test
  void shouldMergeHeldBackInteractionsWithLaterOnes() {
    buffer.add(at(30, 0));
    buffer.releaseBefore(25, released::add);
    buffer.add(at(26, 1));
    buffer.add(at(40, 2));

    buffer.releaseBefore(50, released::add);

    assertThat(released).extracting(Interaction::at).containsExactly(26L, 30L, 40L);
  }

  @Test
  void shouldKeepTheOrderOfAdditionForEqualTimes() {
    buffer.add(at(10, 2));
    buffer.add(at(10, 0));
    buffer.add(at(10, 1));

    buffer.releaseBefore(11, released::add);

    assertThat(released).extracting(Interaction::item).containsExactly(2, 0, 1);
  }

  private static Interaction at(long at, int item) {
    return new Interaction(at, 0, item, EventType.VIEW, 1, "s0", Device.WEB);
  }
}
