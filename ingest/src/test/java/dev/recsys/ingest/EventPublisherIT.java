package dev.recsys.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.validation.InvalidRecordException;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.TestClocks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedRuntimeExtension.class)
class EventPublisherIT {
  private final EmbeddedKafka kafka;
  private Topics topics;

  EventPublisherIT(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  @BeforeEach
  void createTopics(TestInfo info) {
    topics = KafkaProbe.uniqueTopics(kafka, info);
  }

  private EventPublisher publisher() {
    return EventPublisher.create(PublisherConfig.of(kafka.connection()), topics, TestClocks.FIXED);
  }

  @Test
  void shouldKeepOneUsersEventsInOrderOnOnePartition() {
    List<CompletableFuture<Ack>> acks = new ArrayList<>();
    try (EventPublisher publisher = publisher()) {
      for (int i = 0; i < 200; i++) {
        acks.add(
            publisher.send(Events.viewed("u" + (i % 7), "i" + i).plusSeconds(i).build()));
      }
      publisher.flush();
    }
    assertThat(acks).allMatch(ack -> ack.isDone() && !ack.isCompletedExceptionally());

    List<ConsumerRecord<byte[], byte[]>> records =
        KafkaProbe.read(kafka, topics.events().name(), 200);
    for (int user = 0; user < 7; user++) {
      String key = "u" + user;
      List<ConsumerRecord<byte[], byte[]>> mine =
          records.stream().filter(r -> new String(r.key()).equals(key)).toList();
      assertThat(mine)
          .extracting(ConsumerRecord::partition)
          .containsOnly(mine.get(0).partition());
      assertThat(mine)
          .extracting(r -> Codecs.USER_EVENT.decode(r.value()).getTimestamp())
          .isSorted();
    }
  }

  @Test
  void shouldAcknowledgeSynchronouslyWithThePosition() {
    try (EventPublisher publisher = publisher()) {
      Ack ack = publisher.sendAndWait(Events.clicked("u1", "i1").build());
      assertThat(ack.topic()).isEqualTo(topics.events().name());
      assertThat(ack.offset()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void shouldRefuseAnInvalidEventWithoutSendingIt() {
    try (EventPublisher publisher = publisher()) {
      UserEvent noUser = Events.clicked(" ", "i1").build();
      assertThatThrownBy(() -> publisher.send(noUser))
          .isInstanceOf(InvalidRecordException.class)
          .hasMessageContaining("user_id: is required and must not be blank");
      publisher.sendAndWait(Events.clicked("u1", "i1").build());
    }
    assertThat(KafkaProbe.count(kafka, topics.events().name())).isEqualTo(1);
  }

  @Test
  void shouldPublishItemsKeyedByItemToTheCompactedTopic() {
    ItemUpdate item = Events.item("i9").category("books").build();
    try (EventPublisher publisher = publisher()) {
      publisher.sendAndWait(item);
    }
    ConsumerRecord<byte[], byte[]> record =
        KafkaProbe.read(kafka, topics.items().name(), 1).get(0);
    assertThat(new String(record.key())).isEqualTo("i9");
    assertThat(Codecs.ITEM_UPDATE.decode(record.value())).isEqualTo(item);
    assertThat(KafkaProbe.cleanupPolicy(kafka, topics.items().name())).isEqualTo("compact");
    assertThat(KafkaProbe.config(kafka, topics.events().name(), "retention.ms")).isEqualTo("-1");
  }
}
