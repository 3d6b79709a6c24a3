package dev.recsys.ingest.deadletter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole topic, up to the end offsets seen when reading starts. */
final class TopicReader {
  private TopicReader() {}

  static List<TopicPartition> assign(Consumer<byte[], byte[]> consumer, String topic) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
    if (partitions.isEmpty()) {
      throw new IllegalStateException("topic " + topic + " does not exist; start recsys once "
          + "to create the topics, or check topics.events-dlq");
    }
    consumer.assign(partitions);
    return partitions;
  }

  static void seekToCommittedOrBeginning(
      Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, offset.offset());
      }
    }
  }

  static void readToEnd(
      Consumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions,
      Duration poll,
      java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(poll)) {
        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
          each.accept(record);
        }
      }
    }
  }
}
