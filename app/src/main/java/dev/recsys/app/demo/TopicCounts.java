package dev.recsys.app.demo;

import dev.recsys.schemas.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** How many records a topic holds: end minus beginning offsets over its partitions. */
public final class TopicCounts {
  private TopicCounts() {}

  public static long records(KafkaConnection kafka, String topic) {
    Map<String, Object> props = kafka.clientConfig();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      long end = consumer.endOffsets(partitions).values().stream()
          .mapToLong(Long::longValue)
          .sum();
      long begin = consumer.beginningOffsets(partitions).values().stream()
          .mapToLong(Long::longValue)
          .sum();
      return end - begin;
    }
  }
}
