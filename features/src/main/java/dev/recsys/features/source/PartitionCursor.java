package dev.recsys.features.source;

import dev.recsys.features.replay.SourcedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** One partition read in offset order, from a point in time to the end it had when opened. */
final class PartitionCursor implements Iterator<SourcedEvent>, AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(500);
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final TopicPartition partition;
  private final long end;
  private final ArrayDeque<SourcedEvent> buffer = new ArrayDeque<>();

  private PartitionCursor(
      KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long end) {
    this.consumer = consumer;
    this.partition = partition;
    this.end = end;
  }

  static PartitionCursor open(
      KafkaConsumer<byte[], byte[]> consumer, String topic, int number, Instant since) {
    TopicPartition partition = new TopicPartition(topic, number);
    consumer.assign(List.of(partition));
    long end = consumer.endOffsets(List.of(partition)).get(partition);
    if (since.equals(Instant.EPOCH)) {
      consumer.seekToBeginning(List.of(partition));
    } else {
      Map<TopicPartition, OffsetAndTimestamp> found =
          consumer.offsetsForTimes(Map.of(partition, since.toEpochMilli()));
      OffsetAndTimestamp start = found.get(partition);
      consumer.seek(partition, start == null ? end : start.offset());
    }
    return new PartitionCursor(consumer, partition, end);
  }

  @Override
  public boolean hasNext() {
    while (buffer.isEmpty() && consumer.position(partition) < end) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        if (record.offset() < end && record.value() != null) {
          buffer.add(new SourcedEvent(
              record.partition(), record.offset(), record.timestamp(), record.value()));
        }
      }
    }
    return !buffer.isEmpty();
  }

  @Override
  public SourcedEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("partition " + partition + " is read to offset " + end);
    }
    return buffer.poll();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
