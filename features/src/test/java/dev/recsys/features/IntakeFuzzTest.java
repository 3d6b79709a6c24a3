package dev.recsys.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.features.intake.IntakeMetrics;
import dev.recsys.schemas.CodecException;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ImpressionItem;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.deadletter.DeadLetter;
import dev.recsys.schemas.validation.EventRules;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.TestClocks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the feature pipeline's intake through the real topology: random bytes, truncated,
 * bit-flipped and foreign-schema records, bodies claiming huge lengths, and well-encoded events
 * with hostile values. The pipeline never throws; every input is either a valid event (it decodes
 * and meets the contract) or is on the dead-letter topic byte for byte with a reason and a field.
 * Seeded, so a failure repeats; the counts per kind are printed.
 */
class IntakeFuzzTest {
  private static final int INPUTS = 12_000;
  private static final Instant T0 = TestClocks.FIXED.instant();

  enum Kind {
    RANDOM_BYTES,
    TRUNCATED,
    HEADER_THEN_RANDOM,
    BIT_FLIPS,
    FOREIGN_SCHEMA,
    HUGE_LENGTH,
    HOSTILE_VALUES,
    EMPTY
  }

  @TempDir
  Path stateDir;

  @Test
  void shouldDeadLetterEveryInputThatIsNotAValidEventAndNeverFail() {
    Topics topics = Topics.defaults();
    FeaturesConfig config = FeaturesConfig.of(KafkaConnection.to("unused:9092"), stateDir);
    SplittableRandom random = new SplittableRandom(20261207);
    Map<Kind, int[]> tried = new EnumMap<>(Kind.class);
    int accepted = 0;
    try (TopologyTestDriver driver = new TopologyTestDriver(
        FeatureTopology.build(config, topics, new IntakeMetrics(new SimpleMeterRegistry())),
        config.streamsProperties())) {
      TestInputTopic<String, byte[]> events = driver.createInputTopic(
          topics.events().name(),
          Serdes.String().serializer(),
          Serdes.ByteArray().serializer());
      TestOutputTopic<String, byte[]> deadLetters = driver.createOutputTopic(
          topics.eventsDlq().name(),
          Serdes.String().deserializer(),
          Serdes.ByteArray().deserializer());
      for (int n = 0; n < INPUTS; n++) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        byte[] input = input(kind, random, n);
        long timestamp = T0.toEpochMilli() + n * 1_000L;
        events.pipeInput(new TestRecord<>("u" + n % 50, input, Instant.ofEpochMilli(timestamp)));
        tried.computeIfAbsent(kind, k -> new int[2])[0]++;
        if (deadLetters.isEmpty()) {
          assertThat(validEvent(input, timestamp))
              .as(
                  "input %d (%s, %s) was not dead-lettered, so it must be a valid event",
                  n, kind, Arrays.toString(input))
              .isTrue();
          accepted++;
        } else {
          TestRecord<String, byte[]> letter = deadLetters.readRecord();
          assertThat(deadLetters.isEmpty()).as("one dead letter per input").isTrue();
          assertThat(letter.value()).as("input %d kept byte for byte", n).isEqualTo(input);
          DeadLetter why = DeadLetter.readFrom(letter.headers()).orElseThrow();
          assertThat(why.reason()).as("input %d's reason", n).isNotBlank();
          assertThat(why.field()).as("input %d's field", n).isNotBlank();
          tried.get(kind)[1]++;
        }
      }
    }
    StringBuilder table =
        new StringBuilder("intake fuzz, " + INPUTS + " inputs (kind: tried / dead-lettered):");
    tried.forEach((kind, counts) ->
        table.append(String.format("%n  %-18s %,6d / %,6d", kind, counts[0], counts[1])));
    System.out.println(table.append(String.format("%n  accepted as valid events: %,d", accepted)));
    assertThat(tried).hasSize(Kind.values().length);
    assertThat(tried.get(Kind.HOSTILE_VALUES)[1]).isEqualTo(tried.get(Kind.HOSTILE_VALUES)[0]);
    assertThat(tried.get(Kind.FOREIGN_SCHEMA)[1]).isEqualTo(tried.get(Kind.FOREIGN_SCHEMA)[0]);
  }

  private static boolean validEvent(byte[] input, long timestamp) {
    try {
      UserEvent event = Codecs.USER_EVENT.decode(input);
      return EventRules.check(event, Instant.ofEpochMilli(timestamp)).isEmpty();
    } catch (CodecException e) {
      return false;
    }
  }

  private static byte[] input(Kind kind, SplittableRandom random, int n) {
    byte[] valid =
        Codecs.USER_EVENT.encode(Events.of(EventType.CLICK, "u" + n % 50, "i" + random.nextInt(100))
            .id("e" + n)
            .at(T0.plusSeconds(n))
            .session(random.nextBoolean() ? "s" + n / 20 : null)
            .build());
    return switch (kind) {
      case RANDOM_BYTES -> bytes(random, random.nextInt(1, 300));
      case TRUNCATED -> Arrays.copyOf(valid, random.nextInt(0, valid.length));
      case HEADER_THEN_RANDOM ->
        concat(Arrays.copyOf(valid, 10), bytes(random, random.nextInt(0, 120)));
      case BIT_FLIPS -> {
        byte[] flipped = valid.clone();
        for (int i = random.nextInt(1, 4); i > 0; i--) {
          flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        yield flipped;
      }
      case FOREIGN_SCHEMA ->
        random.nextBoolean()
            ? Codecs.ITEM_UPDATE.encode(Events.item("i" + n).category("c").build())
            : Codecs.IMPRESSION.encode(
                new Impression("r" + n, "u1", List.of(new ImpressionItem("i1", 0, 0.5f)), "m", T0));
      case HUGE_LENGTH ->
        concat(
            Arrays.copyOf(valid, 10),
            // A zig-zag varint string length near Long.MAX_VALUE, then a few bytes.
            new byte[] {
              (byte) 0xFE,
              (byte) 0xFF,
              (byte) 0xFF,
              (byte) 0xFF,
              (byte) 0xFF,
              (byte) 0xFF,
              (byte) 0xFF,
              (byte) 0xFF,
              (byte) 0xFF,
              0x01,
              'a',
              'b'
            });
      case HOSTILE_VALUES -> Codecs.USER_EVENT.encode(hostile(random, n));
      case EMPTY -> new byte[0];
    };
  }

  /** A well-encoded event that breaks the contract in one of several ways. */
  private static UserEvent hostile(SplittableRandom random, int n) {
    Events.EventBuilder event = Events.of(EventType.VIEW, "u" + n % 50, "i1").id("h" + n);
    return switch (random.nextInt(7)) {
      case 0 -> event.value(Double.NaN).build();
      case 1 -> event.value(Double.POSITIVE_INFINITY).build();
      case 2 -> Events.of(EventType.VIEW, "u".repeat(100_000), "i1").build();
      case 3 -> Events.of(EventType.VIEW, "u\u0000\u0007", "i1").build();
      case 4 -> Events.of(EventType.VIEW, "", "i1").build();
      case 5 -> event.at(Instant.parse("1970-01-02T00:00:00Z")).build();
      default -> event.at(Instant.parse("2999-01-01T00:00:00Z")).build();
    };
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
