package dev.recsys.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A transaction left open (its producer killed) hides what others wrote after it from
 * read-committed readers. A reader that has read everything it can is still behind.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class PipelineLagIT {
  private final EmbeddedKafka kafka;

  PipelineLagIT(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  @Test
  void shouldCountRecordsBehindAnOpenTransactionAsLag() throws Exception {
    String topic = "lag-" + UUID.randomUUID();
    String group = topic + "-reader";
    TopicPartition partition = new TopicPartition(topic, 0);
    try (Admin admin = Admin.create(kafka.clientProperties());
        KafkaProducer<String, String> stuck = producer(topic + "-stuck");
        KafkaProducer<String, String> other = producer(topic + "-other");
        KafkaConsumer<String, String> reader = reader(group)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      stuck.initTransactions();
      stuck.beginTransaction();
      stuck.send(new ProducerRecord<>(topic, "open")).get();
      other.initTransactions();
      other.beginTransaction();
      other.send(new ProducerRecord<>(topic, "committed behind it"));
      other.commitTransaction();

      reader.assign(List.of(partition));
      assertThat(reader.poll(Duration.ofSeconds(1))).as("nothing readable yet").isEmpty();
      reader.commitSync(Map.of(partition, new OffsetAndMetadata(reader.position(partition))));

      assertThat(PipelineLag.of(admin, group, topic))
          .as("the reader is stuck before the open transaction, not caught up")
          .isEqualTo(3);

      stuck.abortTransaction();
      long read = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read < 1 && System.nanoTime() < deadline) {
        read += reader.poll(Duration.ofMillis(200)).count();
      }
      reader.poll(Duration.ofMillis(200));
      reader.commitSync(Map.of(partition, new OffsetAndMetadata(reader.position(partition))));

      assertThat(read).isEqualTo(1);
      assertThat(PipelineLag.of(admin, group, topic)).isZero();
    }
  }

  private KafkaProducer<String, String> producer(String transactionalId) {
    Map<String, Object> props = kafka.clientProperties();
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaProducer<>(props);
  }

  private KafkaConsumer<String, String> reader(String group) {
    Map<String, Object> props = kafka.clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return new KafkaConsumer<>(props);
  }
}
