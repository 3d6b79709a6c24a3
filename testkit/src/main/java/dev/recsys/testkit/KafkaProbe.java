package dev.recsys.testkit;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.schemas.TopicLayout;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.TopicProvisioner;
import dev.recsys.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.TestInfo;

/** Looks at topics from a test: create them, count and read their records, send raw ones. */
public final class KafkaProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private KafkaProbe() {}

  /** The recsys topics under a prefix unique to this test, created and online. */
  public static Topics uniqueTopics(EmbeddedKafka kafka, TestInfo test) {
    Topics topics =
        Topics.named(TopicNames.DEFAULT.withPrefix(TestNames.safeUniqueTestName(test) + "."));
    createTopics(kafka, topics, TopicLayout.SINGLE_NODE);
    return topics;
  }

  public static void createTopics(EmbeddedKafka kafka, Topics topics, TopicLayout layout) {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicProvisioner.ensure(admin, topics, layout);
    }
  }

  /** Committed records on {@code topic} (transaction markers excluded). */
  public static long count(EmbeddedKafka kafka, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
      List<TopicPartition> partitions = assign(consumer, topic);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long count = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        count += consumer.poll(Duration.ofMillis(100)).count();
      }
      return count;
    }
  }

  /** Waits until {@code topic} holds at least {@code expected} records and returns them. */
  public static List<ConsumerRecord<byte[], byte[]>> read(
      EmbeddedKafka kafka, String topic, int expected) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
      consumer.seekToBeginning(assign(consumer, topic));
      Wait.until(
          TIMEOUT,
          () -> {
            // Drain what is there before pausing: a wait between polls of 500 records each made a
            // topic of 60,000 records take 12 s to read.
            for (int polled = 1; polled > 0 && records.size() < expected; ) {
              var batch = consumer.poll(Duration.ofMillis(100));
              polled = batch.count();
              batch.forEach(records::add);
            }
            return records.size() >= expected;
          },
          () -> topic + " to hold " + expected + " records (has " + records.size() + ")");
    }
    return records;
  }

  public static void send(EmbeddedKafka kafka, ProducerRecord<byte[], byte[]> record) {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        kafka.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(record).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot send to " + record.topic(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public static String cleanupPolicy(EmbeddedKafka kafka, String topic) {
    return config(kafka, topic, TopicConfig.CLEANUP_POLICY_CONFIG);
  }

  /** The value of one topic setting, e.g. {@code retention.ms}. */
  public static String config(EmbeddedKafka kafka, String topic, String name) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      return config.get(name).value();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(EmbeddedKafka kafka) {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static List<TopicPartition> assign(KafkaConsumer<byte[], byte[]> consumer, String topic) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
    consumer.assign(partitions);
    return partitions;
  }
}
