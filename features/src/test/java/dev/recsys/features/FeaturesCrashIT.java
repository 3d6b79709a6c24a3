package dev.recsys.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.features.definition.FeatureNames;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.TopicLayout;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.TestNames;
import dev.recsys.testkit.Wait;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once, proved by force: the pipeline runs in a child JVM that is killed with SIGKILL a
 * random 0.1–0.5 s after it first commits progress, while events keep arriving, and restarted (once on an empty state directory, as
 * on a new machine). In the end every user's and item's vector in Redis equals what the pure
 * feature code computes from the same events in one pass: nothing lost, nothing counted twice.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class FeaturesCrashIT {
  private static final int EVENTS = 20_000;
  private static final int KILLS = 4;
  private static final EventType[] TYPES = {
    EventType.VIEW, EventType.VIEW, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE
  };
  private final EmbeddedKafka kafka;
  private final EmbeddedRedis redis;

  @TempDir
  Path stateDir;

  private Admin admin;

  FeaturesCrashIT(EmbeddedKafka kafka, EmbeddedRedis redis) {
    this.kafka = kafka;
    this.redis = redis;
  }

  @Test
  void shouldEndWithTheOnePassValuesAfterRepeatedKills(TestInfo info) throws Exception {
    admin = Admin.create(kafka.clientProperties());
    String name = TestNames.safeUniqueTestName(info);
    String prefix = name + ".";
    Topics topics = Topics.named(TopicNames.DEFAULT.withPrefix(prefix));
    KafkaProbe.createTopics(kafka, topics, TopicLayout.SINGLE_NODE);
    Random random = new Random(2026);
    Map<String, ItemUpdate> catalog = catalog();
    List<Long> killedBehind = new ArrayList<>();
    List<UserEvent> events = events(random);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        kafka.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      catalog.forEach((id, item) -> producer.send(
          new ProducerRecord<>(topics.items().name(), bytes(id), Codecs.ITEM_UPDATE.encode(item))));
      int sent = 0;
      for (int round = 0; round <= KILLS; round++) {
        Process pipeline = start(name, prefix, round == 2);
        int until = EVENTS * (round + 1) / (KILLS + 1);
        if (round < KILLS) {
          awaitStarted(round + 1);
          long committed = committed(name, topics);
          Feeder feeder = Feeder.start(producer, topics, events.subList(sent, until));
          Wait.until(
              Duration.ofMinutes(2),
              () -> committed(name, topics) > committed,
              () -> "the restarted pipeline to commit progress");
          Thread.sleep(100 + random.nextInt(400));
          long behind = lag(name, topics);
          pipeline.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          killedBehind.add(behind);
          feeder.finish();
          sent = until;
        } else {
          sent = send(producer, topics, events, sent, until);
          awaitCaughtUp(name, topics);
          pipeline.destroy();
          pipeline.waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
    admin.close();
    System.out.println("killed with these many records still to process: " + killedBehind);
    assertThat(killedBehind)
        .as("every kill hit a running pipeline with work in flight")
        .allMatch(behind -> behind > 0);
    assertStoreEqualsOnePass(events, catalog);
  }

  /** Events of the events topic the pipeline has committed as processed. */
  private long committed(String appId, Topics topics) {
    try {
      return admin
          .listConsumerGroupOffsets(appId)
          .partitionsToOffsetAndMetadata()
          .get()
          .entrySet()
          .stream()
          .filter(e -> e.getKey().topic().equals(topics.events().name()))
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read committed offsets of " + appId, e);
    }
  }

  /** Sends events in the background, a few thousand a second, while the pipeline works. */
  private static final class Feeder {
    private final Thread thread;

    private Feeder(Thread thread) {
      this.thread = thread;
    }

    static Feeder start(
        KafkaProducer<byte[], byte[]> producer, Topics topics, List<UserEvent> events) {
      Thread thread = new Thread(
          () -> {
            for (int from = 0; from < events.size(); from += 200) {
              send(producer, topics, events, from, Math.min(events.size(), from + 200));
              try {
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          },
          "crash-test-feeder");
      thread.start();
      return new Feeder(thread);
    }

    void finish() throws InterruptedException {
      thread.join();
    }
  }

  /** Sends events [from, to) while the pipeline runs; returns {@code to}. */
  private static int send(
      KafkaProducer<byte[], byte[]> producer,
      Topics topics,
      List<UserEvent> events,
      int from,
      int to) {
    for (UserEvent e : events.subList(from, to)) {
      producer.send(new ProducerRecord<>(
          topics.events().name(),
          null,
          e.getTimestamp().toEpochMilli(),
          bytes(e.getUserId()),
          Codecs.USER_EVENT.encode(e)));
    }
    producer.flush();
    return to;
  }

  /** Waits until the pipeline has started {@code times} times: it is processing from then on. */
  private void awaitStarted(int times) {
    Path log = stateDir.resolve("pipeline.log");
    Wait.until(
        Duration.ofSeconds(60),
        () -> {
          try {
            return Files.exists(log)
                && Files.readAllLines(log).stream()
                        .filter(line -> line.equals("STARTED"))
                        .count()
                    >= times;
          } catch (IOException e) {
            return false;
          }
        },
        () -> "the pipeline to start (see " + log + ")");
  }

  private long lag(String appId, Topics topics) {
    return FeaturesApp.lag(admin, appId, topics);
  }

  private void awaitCaughtUp(String appId, Topics topics) {
    Wait.until(
        Duration.ofMinutes(6),
        () -> lag(appId, topics) == 0 && lag(appId, topics) == 0,
        () -> "the restarted pipeline to catch up");
  }

  private void assertStoreEqualsOnePass(List<UserEvent> events, Map<String, ItemUpdate> catalog) {
    Map<String, FeatureVector> users = OnePass.users(events, catalog);
    Map<String, FeatureVector> items = OnePass.items(events, catalog);
    try (RedisOnlineStore store =
        RedisOnlineStore.connect(OnlineStoreConfig.of(redis.uri(), new FeatureSet("crash", 1)))) {
      users.forEach((id, expected) ->
          assertThat(store.read(id, List.of()).user()).as("user %s", id).contains(expected));
      var read = store.read("nobody", items.keySet());
      items.forEach((id, expected) -> {
        FeatureVector actual = read.items().get(id);
        assertThat(actual).as("item %s", id).isNotNull();
        assertThat(actual.get(FeatureNames.ITEM_EVENTS_TOTAL))
            .as("item %s events", id)
            .isEqualTo(expected.get(FeatureNames.ITEM_EVENTS_TOTAL));
        expected
            .values()
            .forEach((feature, value) -> assertThat(actual.get(feature))
                .as("item %s %s", id, feature)
                .isCloseTo(value, within(1e-9)));
      });
    }
  }

  private Process start(String appId, String prefix, boolean freshMachine) throws IOException {
    Path state = stateDir.resolve(freshMachine ? "fresh" : "state");
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.recsys",
            "-cp",
            System.getProperty("java.class.path"),
            CrashableFeaturesMain.class.getName(),
            kafka.bootstrapServers(),
            redis.uri(),
            state.toString(),
            appId,
            prefix)
        .redirectErrorStream(true)
        .redirectOutput(
            ProcessBuilder.Redirect.appendTo(stateDir.resolve("pipeline.log").toFile()))
        .start();
  }

  private static Map<String, ItemUpdate> catalog() {
    Map<String, ItemUpdate> catalog = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      catalog.put("i" + i, Events.item("i" + i).category("c" + i % 7).build());
    }
    return catalog;
  }

  private static List<UserEvent> events(Random random) {
    List<UserEvent> events = new ArrayList<>(EVENTS);
    for (int n = 0; n < EVENTS; n++) {
      events.add(Events.of(
              TYPES[random.nextInt(TYPES.length)],
              "u" + random.nextInt(1_000),
              "i" + random.nextInt(200))
          .plusSeconds(n + random.nextInt(60))
          .build());
    }
    return events;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
