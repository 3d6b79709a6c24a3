package dev.recsys.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.recsys.features.definition.UserState;
import dev.recsys.features.intake.IntakeMetrics;
import dev.recsys.features.log.FeatureUpdates;
import dev.recsys.features.stream.Interactions;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EntityKind;
import dev.recsys.schemas.avro.FeatureUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.deadletter.DeadLetter;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.TestClocks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureTopologyTest {
  private static final Instant T0 = TestClocks.FIXED.instant();
  private final Topics topics = Topics.defaults();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> events;
  private TestOutputTopic<String, FeatureUpdate> featureLog;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void start() {
    FeaturesConfig config = FeaturesConfig.of(KafkaConnection.to("unused:9092"), stateDir);
    driver = new TopologyTestDriver(
        FeatureTopology.build(config, topics, new IntakeMetrics(registry)),
        config.streamsProperties());
    events = driver.createInputTopic(
        topics.events().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    featureLog = driver.createOutputTopic(
        topics.featureLog().name(),
        Serdes.String().deserializer(),
        topics.featureLog().valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(
        topics.eventsDlq().name(),
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
    driver
        .createInputTopic(
            topics.items().name(),
            Serdes.String().serializer(),
            topics.items().valueSerde().serializer())
        .pipeInput("i1", Events.item("i1").category("books").build(), T0);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void send(UserEvent event) {
    events.pipeInput(
        event.getUserId(), Codecs.USER_EVENT.encode(event), event.getTimestamp().toEpochMilli());
  }

  private Map<String, FeatureUpdate> latest() {
    return featureLog.readKeyValuesToList().stream()
        .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value, (a, b) -> b));
  }

  @Test
  void shouldEmitUserAndItemFeaturesWithTheCatalogCategory() {
    send(Events.viewed("u1", "i1").build());
    send(Events.clicked("u1", "i1").plusSeconds(5).build());
    send(Events.clicked("u2", "i1").plusSeconds(9).build());

    Map<String, FeatureUpdate> latest = latest();
    FeatureUpdate u1 = latest.get("u:u1");
    assertThat(u1.getEntityKind()).isEqualTo(EntityKind.USER);
    assertThat(u1.getFeatureSet()).isEqualTo("core:v1");
    assertThat(FeatureUpdates.values(u1))
        .containsEntry("user.click_1h", 1.0)
        .containsEntry("user.view_24h", 1.0);
    double viewDecayedOverFiveSeconds = Math.pow(0.5, 5.0 / (7 * 24 * 3600));
    assertThat(FeatureUpdates.values(u1).get("user.affinity.books"))
        .isCloseTo(2 + viewDecayedOverFiveSeconds, within(1e-12));
    assertThat(u1.getRecent()).hasSize(2);
    FeatureUpdate i1 = latest.get("i:i1");
    assertThat(FeatureUpdates.values(i1))
        .containsEntry("item.click_7d", 2.0)
        .containsEntry("item.distinct_users", 2.0);
    assertThat(i1.getUpdatedAt()).isEqualTo(T0.plusSeconds(9));
  }

  @Test
  void shouldCountAResentEventOnceForItsUserAndItsItem() {
    UserEvent click = Events.clicked("u1", "i1").id("e-1").build();
    send(click);
    send(Events.viewed("u1", "i2").plusSeconds(5).build());
    send(click);
    send(click);

    Map<String, FeatureUpdate> latest = latest();
    assertThat(FeatureUpdates.values(latest.get("u:u1")))
        .containsEntry("user.click_1h", 1.0)
        .containsEntry("user.events_total", 2.0);
    assertThat(FeatureUpdates.values(latest.get("i:i1")))
        .containsEntry("item.click_7d", 1.0)
        .containsEntry("item.events_total", 1.0);
    assertThat(registry.get(IntakeMetrics.DUPLICATES).counter().count()).isEqualTo(2);
  }

  @Test
  void shouldCountOutOfOrderEventsWithinGraceAndDeadLetterLaterOnes() {
    send(Events.clicked("u1", "i1").plusSeconds(7200).build());
    send(Events.clicked("u1", "i1").plusSeconds(3600).build());
    send(Events.clicked("u1", "i1").build());

    assertThat(FeatureUpdates.values(latest().get("u:u1"))).containsEntry("user.click_24h", 2.0);
    TestRecord<String, byte[]> dead = deadLetters.readRecord();
    DeadLetter letter = DeadLetter.readFrom(dead.headers()).orElseThrow();
    assertThat(letter.reason())
        .startsWith("late: event time 2021-06-01T00:00:01Z is more than "
            + "PT1H behind the watermark 2021-06-01T02:00:01Z")
        .endsWith("send each event within the " + "grace period of the newest on its partition");
    assertThat(letter.field()).isEqualTo("timestamp");
    assertThat(letter.sourceTopic()).isEqualTo(topics.events().name());
    assertThat(letter.sourceOffset()).isEqualTo(2);
    assertThat(
            registry.get(IntakeMetrics.DROPPED).tag("reason", "late").counter().count())
        .isEqualTo(1);
  }

  @Test
  void shouldNotLetARefusedRecordWithAWildTimestampMakeLaterEventsLate() {
    events.pipeInput(
        "u1", "garbage".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(86_400 * 365));
    send(Events.clicked("u1", "i1").build());

    assertThat(deadLetters.readRecordsToList()).hasSize(1);
    assertThat(FeatureUpdates.values(latest().get("u:u1"))).containsEntry("user.click_1h", 1.0);
  }

  @Test
  void shouldDeadLetterUndecodableAndInvalidRecordsAndKeepGoing() {
    events.pipeInput("u1", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8), T0);
    send(Events.clicked(" ", "i1").build());
    send(Events.clicked("u1", "i1").build());

    List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"not\":\"avro\"}");
    assertThat(DeadLetter.readFrom(dead.get(0).headers()).orElseThrow().reason())
        .contains("not Avro single-object encoding");
    DeadLetter invalid = DeadLetter.readFrom(dead.get(1).headers()).orElseThrow();
    assertThat(invalid.field()).isEqualTo("user_id");
    assertThat(invalid.sourceOffset()).isEqualTo(1);
    assertThat(latest()).containsKey("u:u1");
  }

  @Test
  void shouldChangelogTheChangedStatesAtEachCommit() throws Exception {
    List<UserEvent> sent = List.of(
        Events.viewed("u1", "i1").build(),
        Events.clicked("u1", "i1").plusSeconds(5).build(),
        Events.clicked("u1", "i1").plusSeconds(9).build());
    sent.forEach(this::send);
    TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(
        FeaturesConfig.DEFAULT_APPLICATION_ID + "-" + FeatureTopology.USER_STATE + "-changelog",
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());

    Map<String, byte[]> logged = changelog.readKeyValuesToMap();
    UserState onePass = new UserState();
    sent.forEach(e ->
        onePass.apply(Interactions.of(e, Events.item("i1").category("books").build())));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    onePass.write(new DataOutputStream(expected));
    assertThat(logged.get("u1")).isEqualTo(expected.toByteArray());
  }
}
