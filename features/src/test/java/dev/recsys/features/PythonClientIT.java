package dev.recsys.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.schemas.AvroCodec;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.SchemaVersion;
import dev.recsys.schemas.TopicLayout;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ImpressionItem;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.deadletter.DeadLetter;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.TestNames;
import dev.recsys.testkit.Wait;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python example producer and consumer ({@code examples/python}, Debian's python3-avro and
 * python3-confluent-kafka) against the real broker and the real feature pipeline: every event it
 * writes is accepted and reaches the online features exactly as the Java producer's would. CI
 * installs the two packages; elsewhere the test is skipped when they are missing.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class PythonClientIT {
  private static final Path EXAMPLES = Path.of("..", "examples", "python").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EventType[] TYPES = {
    EventType.VIEW, EventType.VIEW, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE
  };
  private static String python;

  private final EmbeddedKafka kafka;
  private final EmbeddedRedis redis;

  @TempDir
  Path dir;

  PythonClientIT(EmbeddedKafka kafka, EmbeddedRedis redis) {
    this.kafka = kafka;
    this.redis = redis;
  }

  @BeforeAll
  static void findPython() throws Exception {
    python = System.getenv().getOrDefault("RECSYS_PYTHON", "/usr/bin/python3");
    boolean usable = Files.isExecutable(Path.of(python))
        && run(List.of(python, "-c", "import avro, confluent_kafka"), null).exit() == 0;
    if (!usable && System.getenv("CI") != null) {
      fail(python + " cannot import avro and confluent_kafka: CI must install python3-avro and "
          + "python3-confluent-kafka (.ci/run does)");
    }
    assumeTrue(usable, "needs " + python + " with python3-avro and python3-confluent-kafka");
  }

  @Test
  void shouldComputeTheFingerprintOfEveryReleasedSchemaAsJavaDoes() throws Exception {
    Path history =
        Path.of("..", "schemas", "src", "main", "resources", "dev", "recsys", "schemas", "history");
    for (AvroCodec<?> codec : Codecs.ALL) {
      for (SchemaVersion version : codec.versions()) {
        Path avsc = history.resolve(version.name() + ".v" + version.version() + ".avsc");
        Result printed = run(
            List.of(
                python,
                "-c",
                "import sys, recsys_avro; print('0x%016x' % recsys_avro.Codec(sys.argv[1])"
                    + ".fingerprint)",
                avsc.toAbsolutePath().toString()),
            null);
        assertThat(printed.exit()).as(printed.output()).isZero();
        assertThat(printed.output().strip())
            .as(version.describe())
            .isEqualTo(version.fingerprintHex());
      }
    }
  }

  @Test
  void shouldHaveEveryPythonEventAcceptedIntoTheFeatures(TestInfo info) throws Exception {
    String name = TestNames.safeUniqueTestName(info);
    Topics topics = Topics.named(TopicNames.DEFAULT.withPrefix(name + "."));
    KafkaProbe.createTopics(kafka, topics, TopicLayout.SINGLE_NODE);
    Map<String, ItemUpdate> catalog = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      ItemUpdate item = Events.item("i" + i).category("c" + i % 3).build();
      catalog.put(item.getItemId(), item);
      KafkaProbe.send(
          kafka,
          new ProducerRecord<>(
              topics.items().name(),
              item.getItemId().getBytes(StandardCharsets.UTF_8),
              Codecs.ITEM_UPDATE.encode(item)));
    }
    List<UserEvent> events = events(new Random(7), 400);
    Path lines = dir.resolve("events.jsonl");
    Files.write(lines, events.stream().map(PythonClientIT::jsonLine).toList());

    Result produced = run(
        List.of(
            python,
            EXAMPLES.resolve("produce_events.py").toString(),
            "--bootstrap",
            kafka.bootstrapServers(),
            "--topic",
            topics.events().name(),
            "--events",
            lines.toString()),
        null);
    assertThat(produced.exit()).as(produced.output()).isZero();
    assertThat(produced.output())
        .contains("sent 400 events (UserEvent fingerprint "
            + Codecs.USER_EVENT.versions().get(1).fingerprintHex()
            + "): 400 acknowledged, 0 failed");
    // A record whose header carries a fingerprint no release has: dead-lettered, naming it.
    byte[] foreign = Codecs.USER_EVENT.encode(events.get(0));
    foreign[2] ^= 0x5A;
    KafkaProbe.send(
        kafka,
        new ProducerRecord<>(
            topics.events().name(), "u0".getBytes(StandardCharsets.UTF_8), foreign));

    List<UserEvent> decoded = KafkaProbe.read(kafka, topics.events().name(), 401).stream()
        .filter(r -> r.value()[2] == Codecs.USER_EVENT.header()[2])
        .map(r -> Codecs.USER_EVENT.decode(r.value()))
        .toList();
    assertThat(decoded).containsExactlyInAnyOrderElementsOf(events);

    FeatureSet set = new FeatureSet("py", 1);
    Map<String, FeatureVector> users = OnePass.users(events, catalog);
    FeaturesConfig config = FeaturesConfig.of(kafka.connection(), dir.resolve("state"))
        .withApplicationId(name)
        .withFeatureSet(set);
    try (RedisOnlineStore store = RedisOnlineStore.connect(OnlineStoreConfig.of(redis.uri(), set));
        FeaturesApp app = FeaturesApp.start(config, topics, store, new SimpleMeterRegistry())) {
      Wait.until(
          Duration.ofSeconds(60),
          () -> users.entrySet().stream()
              .allMatch(u -> store
                  .read(u.getKey(), List.of())
                  .user()
                  .map(v -> v.equals(u.getValue()))
                  .orElse(false)),
          () -> "every user's online vector to equal the one-pass computation of the Python "
              + "producer's events; pipeline " + app.state());
    }
    DeadLetter letter = DeadLetter.readFrom(
            KafkaProbe.read(kafka, topics.eventsDlq().name(), 1).get(0).headers())
        .orElseThrow();
    long carried = 0;
    for (int i = 0; i < 8; i++) {
      carried |= (foreign[2 + i] & 0xFFL) << (8 * i);
    }
    assertThat(letter.reason())
        .contains(String.format(Locale.ROOT, "unknown writer schema fingerprint 0x%016x", carried))
        .contains(Codecs.USER_EVENT.versions().get(0).describe())
        .contains(Codecs.USER_EVENT.versions().get(1).describe());
  }

  @Test
  void shouldReadWhatRecsysShowedFromTheImpressionsTopic(TestInfo info) throws Exception {
    Topics topics =
        Topics.named(TopicNames.DEFAULT.withPrefix(TestNames.safeUniqueTestName(info) + "."));
    KafkaProbe.createTopics(kafka, topics, TopicLayout.SINGLE_NODE);
    Instant shown = Instant.parse("2026-11-01T12:00:00.123Z");
    for (int n = 0; n < 3; n++) {
      Impression impression = new Impression(
          "r" + n,
          "u" + n,
          List.of(new ImpressionItem("i1", 0, 0.75f), new ImpressionItem("i" + (n + 2), 1, 0.5f)),
          "ranker/20261201T000000.000Z",
          shown.plusSeconds(n));
      KafkaProbe.send(
          kafka,
          new ProducerRecord<>(
              topics.impressions().name(),
              impression.getUserId().getBytes(StandardCharsets.UTF_8),
              Codecs.IMPRESSION.encode(impression)));
    }

    Result consumed = run(
        List.of(
            python,
            EXAMPLES.resolve("consume_impressions.py").toString(),
            "--bootstrap",
            kafka.bootstrapServers(),
            "--topic",
            topics.impressions().name(),
            "--max",
            "3",
            "--timeout",
            "30"),
        null);
    assertThat(consumed.exit()).as(consumed.output()).isZero();
    List<JsonNode> read = new ArrayList<>();
    for (String line : consumed.output().strip().split("\n")) {
      if (line.startsWith("{")) {
        read.add(JSON.readTree(line));
      }
    }
    // The topic has several partitions: order holds per user only.
    Map<String, JsonNode> byRequest = new LinkedHashMap<>();
    read.forEach(n -> byRequest.put(n.get("request_id").asText(), n));
    assertThat(byRequest.keySet()).containsExactlyInAnyOrder("r0", "r1", "r2");
    assertThat(byRequest.get("r2").get("items").get(1).get("item_id").asText()).isEqualTo("i4");
    assertThat(byRequest.get("r0").get("items").get(0).get("score").asDouble()).isEqualTo(0.75);
    assertThat(byRequest.get("r1").get("timestamp").asText())
        .isEqualTo("2026-11-01T12:00:01.123000+00:00");
  }

  private static List<UserEvent> events(Random random, int count) {
    List<UserEvent> events = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Events.EventBuilder event = Events.of(
              TYPES[random.nextInt(TYPES.length)],
              "u" + random.nextInt(15),
              "i" + random.nextInt(20))
          .id("e" + n)
          .plusSeconds(n * 41L + random.nextInt(30));
      if (n % 3 == 0) {
        event.session("s" + n / 30).context("device", n % 2 == 0 ? "ios" : "web");
      }
      if (n % 7 == 0) {
        event.request("r" + n).value(2.5);
      }
      events.add(event.build());
    }
    return events;
  }

  private static String jsonLine(UserEvent e) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event_id", e.getEventId());
    line.put("user_id", e.getUserId());
    line.put("item_id", e.getItemId());
    line.put("type", e.getType().name().toLowerCase(Locale.ROOT));
    line.put("value", e.getValue());
    line.put("timestamp", e.getTimestamp().toEpochMilli());
    line.put("session_id", e.getSessionId());
    line.put("request_id", e.getRequestId());
    line.put("context", e.getContext());
    try {
      return JSON.writeValueAsString(line);
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Path stdin) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(EXAMPLES.toFile()).redirectErrorStream(true);
    if (stdin != null) {
      builder.redirectInput(stdin.toFile());
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("timed out: " + command + "\n" + output);
    }
    return new Result(process.exitValue(), output);
  }
}
