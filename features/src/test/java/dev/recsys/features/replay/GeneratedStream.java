package dev.recsys.features.replay;

import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A random but valid events topic: users spread over partitions, times that mostly move forward
 * with ties and stragglers (all within the grace period), and re-sent duplicates.
 */
record GeneratedStream(List<List<SourcedEvent>> partitions, List<Placed> events) {
  static final Map<String, ItemUpdate> CATALOG = Map.of(
      "i1", Events.item("i1").category("c1").build(),
      "i2", Events.item("i2").category("c1").build(),
      "i3", Events.item("i3").category("c2").build(),
      "i4", Events.item("i4").category("c3").build(),
      "i5", Events.item("i5").category("c2").build());
  private static final List<EventType> TYPES = List.of(
      EventType.VIEW, EventType.VIEW, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE);

  /** An event with its place in the topic. */
  record Placed(int partition, long offset, UserEvent event) {
    long time() {
      return event.getTimestamp().toEpochMilli();
    }
  }

  static GeneratedStream generate(long seed, int partitionCount, int perPartition) {
    SplittableRandom random = new SplittableRandom(seed);
    List<List<SourcedEvent>> partitions = new ArrayList<>();
    List<Placed> placed = new ArrayList<>();
    Instant start = TestClocks.FIXED.instant();
    for (int p = 0; p < partitionCount; p++) {
      List<SourcedEvent> records = new ArrayList<>();
      List<UserEvent> sent = new ArrayList<>();
      Instant latest = start;
      for (int n = 0; n < perPartition; n++) {
        UserEvent event;
        if (!sent.isEmpty() && random.nextInt(10) == 0) {
          event = sent.get(random.nextInt(sent.size()));
        } else {
          latest = latest.plusSeconds(random.nextInt(4) == 0 ? 0 : random.nextInt(1, 600));
          Instant at = random.nextInt(5) == 0
              ? latest.minus(Duration.ofMinutes(random.nextInt(0, 45)))
              : latest;
          String user = "u" + (p + partitionCount * random.nextInt(3));
          event = Events.of(
                  TYPES.get(random.nextInt(TYPES.size())), user, "i" + random.nextInt(1, 7))
              .at(at)
              .session("s" + n / 8)
              .build();
          sent.add(event);
        }
        records.add(new SourcedEvent(
            p, n, event.getTimestamp().toEpochMilli(), Codecs.USER_EVENT.encode(event)));
        placed.add(new Placed(p, n, event));
      }
      partitions.add(records);
    }
    return new GeneratedStream(partitions, placed);
  }

  List<Iterator<SourcedEvent>> iterators() {
    return partitions.stream().map(List::iterator).toList();
  }

  /** The events the intake accepts (first of each id), in replay's order: time, partition, offset. */
  List<UserEvent> acceptedInTimeOrder() {
    Set<String> ids = new HashSet<>();
    return events.stream()
        .filter(e -> ids.add(e.event().getEventId()))
        .sorted(Comparator.comparingLong(Placed::time)
            .thenComparingInt(Placed::partition)
            .thenComparingLong(Placed::offset))
        .map(Placed::event)
        .toList();
  }
}
