package dev.recsys.ingest.deadletter;

import static java.util.Objects.requireNonNull;

import dev.recsys.ingest.PublisherConfig;
import dev.recsys.schemas.deadletter.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Lists and re-drives the dead-letter topic. Re-driving sends each selected record's key and
 * value, bytes as they were, back to the topic it came from. A full re-drive then commits its
 * position under the {@value #REDRIVE_GROUP} group, so the next one starts after it; a selective
 * re-drive commits nothing, so the records it skipped stay available (a record re-driven twice
 * is dropped downstream as a duplicate by its event id).
 */
public final class DeadLetterQueue {
  public static final String REDRIVE_GROUP = "recsys-dlq-redrive";
  private static final Duration POLL = Duration.ofMillis(200);
  private final PublisherConfig kafka;
  private final String topic;

  public DeadLetterQueue(PublisherConfig kafka, String topic) {
    this.kafka = requireNonNull(kafka, "kafka");
    this.topic = requireNonNull(topic, "topic");
  }

  /** Every record on the topic, oldest first per partition, at most {@code limit}. */
  public List<DeadLetterRecord> list(int limit) {
    try (Consumer<byte[], byte[]> consumer = consumer(null)) {
      List<TopicPartition> partitions = TopicReader.assign(consumer, topic);
      consumer.seekToBeginning(partitions);
      List<DeadLetterRecord> out = new ArrayList<>();
      TopicReader.readToEnd(consumer, partitions, POLL, record -> {
        if (out.size() < limit) {
          out.add(toRecord(record));
        }
      });
      return out;
    }
  }

  /** Re-drives every record after the last full re-drive. */
  public RedriveSummary redriveAll() {
    return redrive(record -> true, true);
  }

  /** Re-drives the records after the last full re-drive that match {@code selected}. */
  public RedriveSummary redrive(Predicate<DeadLetterRecord> selected) {
    return redrive(selected, false);
  }

  private RedriveSummary redrive(Predicate<DeadLetterRecord> selected, boolean commit) {
    try (Consumer<byte[], byte[]> consumer = consumer(REDRIVE_GROUP);
        Producer<byte[], byte[]> producer = producer()) {
      List<TopicPartition> partitions = TopicReader.assign(consumer, topic);
      TopicReader.seekToCommittedOrBeginning(consumer, partitions);
      long[] counts = new long[2];
      Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
      TopicReader.readToEnd(consumer, partitions, POLL, record -> {
        DeadLetterRecord letter = toRecord(record);
        if (selected.test(letter)) {
          producer.send(redriven(letter));
          counts[0]++;
        } else {
          counts[1]++;
        }
        positions.put(
            new TopicPartition(record.topic(), record.partition()),
            new OffsetAndMetadata(record.offset() + 1));
      });
      producer.flush();
      if (commit) {
        consumer.commitSync(positions);
      }
      return new RedriveSummary(counts[0], counts[1]);
    }
  }

  private static ProducerRecord<byte[], byte[]> redriven(DeadLetterRecord record) {
    RecordHeaders headers = new RecordHeaders();
    return new ProducerRecord<>(
        record.letter().sourceTopic(),
        null,
        record.timestamp(),
        record.key(),
        record.value(),
        headers);
  }

  private static DeadLetterRecord toRecord(ConsumerRecord<byte[], byte[]> record) {
    DeadLetter letter = DeadLetter.readFrom(record.headers())
        .orElseGet(() -> new DeadLetter(
            "no dead-letter headers: written by something other than recsys",
            "$",
            "?",
            -1,
            -1,
            java.time.Instant.ofEpochMilli(record.timestamp())));
    return new DeadLetterRecord(
        record.partition(),
        record.offset(),
        record.timestamp(),
        letter,
        record.key(),
        record.value());
  }

  private Consumer<byte[], byte[]> consumer(String group) {
    Map<String, Object> props = kafka.kafka().clientConfig();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    if (group != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private Producer<byte[], byte[]> producer() {
    Map<String, Object> props = kafka.producerProperties("recsys-dlq-redrive");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(props);
  }
}
