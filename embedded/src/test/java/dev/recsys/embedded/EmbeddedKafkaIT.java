package dev.recsys.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedKafkaIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final EmbeddedKafka kafka = EmbeddedKafka.start();

  @AfterAll
  void closeKafka() {
    kafka.close();
  }

  @Test
  void shouldListenOnLoopback() {
    assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(kafka.clientProperties())
        .containsEntry("bootstrap.servers", kafka.bootstrapServers());
  }

  @Test
  void shouldConsumeBackEveryProducedRecord(TestInfo testInfo) throws Exception {
    String topic = createTopic(testInfo);
    List<String> values = IntStream.range(0, 1_000).mapToObj(i -> "value-" + i).toList();

    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerProperties(Map.of()))) {
      values.forEach(value -> producer.send(new ProducerRecord<>(topic, value)));
      producer.flush();
    }

    assertThat(consume(topic, values.size(), IsolationLevel.READ_UNCOMMITTED))
        .containsExactlyElementsOf(values);
  }

  @Test
  void shouldShowOnlyCommittedTransactionsToReadCommittedConsumers(TestInfo testInfo)
      throws Exception {
    String topic = createTopic(testInfo);
    Map<String, Object> transactional =
        Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic + "-tx");

    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerProperties(transactional))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "aborted-1"));
      producer.send(new ProducerRecord<>(topic, "aborted-2"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "committed-1"));
      producer.send(new ProducerRecord<>(topic, "committed-2"));
      producer.commitTransaction();
    }

    assertThat(consume(topic, 2, IsolationLevel.READ_COMMITTED))
        .containsExactly("committed-1", "committed-2");
  }

  @Test
  void shouldKeepItsRecordsAndPortAcrossAStopAndRestart(TestInfo testInfo) throws Exception {
    String topic = createTopic(testInfo);
    String address = kafka.bootstrapServers();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerProperties(Map.of()))) {
      producer.send(new ProducerRecord<>(topic, "before")).get(30, TimeUnit.SECONDS);
    }

    kafka.stop();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        producerProperties(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000)))) {
      assertThatThrownBy(() ->
              producer.send(new ProducerRecord<>(topic, "while stopped")).get(5, TimeUnit.SECONDS))
          .as("a stopped broker takes nothing")
          .isInstanceOfAny(ExecutionException.class, TimeoutException.class);
    }
    kafka.restart();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerProperties(Map.of()))) {
      producer.send(new ProducerRecord<>(topic, "after")).get(30, TimeUnit.SECONDS);
    }

    assertThat(kafka.bootstrapServers()).isEqualTo(address);
    assertThat(consume(topic, 2, IsolationLevel.READ_COMMITTED)).containsExactly("before", "after");
  }

  @Test
  void shouldDeleteItsDataDirectoryWhenClosed() {
    EmbeddedKafka other = EmbeddedKafka.start();
    Path dataDir = other.dataDir();
    assertThat(dataDir.resolve("meta.properties")).isRegularFile();

    other.close();

    assertThat(dataDir).doesNotExist();
  }

  private String createTopic(TestInfo testInfo)
      throws InterruptedException, ExecutionException, TimeoutException {
    String topic = testInfo.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID();
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
    return topic;
  }

  private Map<String, Object> producerProperties(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.putAll(extra);
    return properties;
  }

  /** Polls until {@code expected} values arrived or the timeout passed; poll itself blocks, so no sleeping. */
  private List<String> consume(String topic, int expected, IsolationLevel isolation) {
    return consume(kafka.clientProperties(), topic, expected, isolation);
  }

  /** As above, for any broker: {@code client} holds its address and login. */
  static List<String> consume(
      Map<String, Object> client, String topic, int expected, IsolationLevel isolation) {
    Map<String, Object> properties = new HashMap<>(client);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    List<String> values = new ArrayList<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
      consumer.subscribe(List.of(topic));
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
