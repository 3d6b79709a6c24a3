package dev.recsys.ingest.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.deadletter.DeadLetters;
import dev.recsys.schemas.validation.InvalidRecordException;
import dev.recsys.schemas.validation.Violation;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedRuntimeExtension.class)
class DeadLetterQueueIT {
  private static final Instant NOW = Instant.parse("2021-06-01T00:00:01Z");
  private final EmbeddedKafka kafka;
  private Topics topics;
  private DeadLetterQueue queue;

  DeadLetterQueueIT(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  @BeforeEach
  void setUp(TestInfo info) {
    topics = KafkaProbe.uniqueTopics(kafka, info);
    queue = new DeadLetterQueue(
        PublisherConfig.of(kafka.connection()), topics.eventsDlq().name());
  }

  private void deadLetter(byte[] value, long sourceOffset, Exception why) {
    ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>(
        topics.events().name(), 2, sourceOffset, "u1".getBytes(StandardCharsets.UTF_8), value);
    ProducerRecord<byte[], byte[]> letter =
        DeadLetters.of(source, why, NOW, topics.eventsDlq().name());
    KafkaProbe.send(kafka, letter);
  }

  @Test
  void shouldListDeadLettersWithReasonAndOrigin() {
    deadLetter(
        "garbage".getBytes(StandardCharsets.UTF_8),
        41,
        new IllegalStateException("not Avro single-object encoding (bad header)"));
    deadLetter(
        Codecs.USER_EVENT.encode(Events.clicked("u1", "i1").build()),
        42,
        new InvalidRecordException(
            "event 'e1'", List.of(new Violation("timestamp", "is more than 24h in the future"))));

    List<DeadLetterRecord> records = queue.list(10);

    assertThat(records).hasSize(2);
    assertThat(records.get(0).letter().reason()).contains("bad header");
    assertThat(records.get(0).letter().sourceOffset()).isEqualTo(41);
    assertThat(records.get(0).letter().sourcePartition()).isEqualTo(2);
    assertThat(records.get(0).preview()).isEqualTo("garbage");
    assertThat(records.get(1).letter().field()).isEqualTo("timestamp");
    assertThat(records.get(1).letter().sourceTopic()).isEqualTo(topics.events().name());
  }

  @Test
  void shouldRedriveOnlyWhatWasNotRedrivenBefore() {
    byte[] event = Codecs.USER_EVENT.encode(Events.clicked("u1", "i1").build());
    deadLetter(event, 1, new IllegalStateException("Redis was down"));
    deadLetter(event, 2, new IllegalStateException("bad header"));

    assertThat(queue.redrive(r -> r.letter().reason().contains("Redis")).redriven())
        .isEqualTo(1);
    assertThat(queue.redriveAll()).isEqualTo(new RedriveSummary(2, 0));
    assertThat(queue.redriveAll()).isEqualTo(new RedriveSummary(0, 0));

    List<ConsumerRecord<byte[], byte[]>> redriven =
        KafkaProbe.read(kafka, topics.events().name(), 3);
    assertThat(redriven).allSatisfy(r -> {
      assertThat(r.value()).isEqualTo(event);
      assertThat(r.headers().lastHeader("recsys.dlq.reason")).isNull();
    });
  }
}
