package dev.recsys.features.source;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.replay.SourcedEvent;
import dev.recsys.schemas.AvroCodec;
import dev.recsys.schemas.CodecException;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ItemUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics as a batch job does: from a point in time (or the beginning) to the end offsets
 * each partition had when reading began, so records arriving meanwhile are not half-included.
 */
public final class TopicReader implements AutoCloseable {
  private final KafkaConnection kafka;
  private final List<PartitionCursor> open = new ArrayList<>();

  public TopicReader(KafkaConnection kafka) {
    this.kafka = requireNonNull(kafka, "kafka");
  }

  /** Each partition of {@code topic} from the first record at or after {@code since}. */
  public List<Iterator<SourcedEvent>> partitions(String topic, Instant since) {
    List<Iterator<SourcedEvent>> cursors = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> probe = consumer()) {
      probe.partitionsFor(topic).forEach(info -> {
        PartitionCursor cursor = PartitionCursor.open(consumer(), topic, info.partition(), since);
        open.add(cursor);
        cursors.add(cursor);
      });
    }
    return cursors;
  }

  /** The last decodable value of every key of a compacted topic. */
  public Map<String, ItemUpdate> catalog(String itemsTopic) {
    Map<String, ItemUpdate> catalog = new HashMap<>();
    for (ItemUpdate item : decodeAll(itemsTopic, Instant.EPOCH, Codecs.ITEM_UPDATE)) {
      catalog.put(item.getItemId(), item);
    }
    return catalog;
  }

  /** The impressions from {@code since} on, in time order. */
  public List<Impression> impressions(String topic, Instant since) {
    List<Impression> impressions = decodeAll(topic, since, Codecs.IMPRESSION);
    impressions.sort(Comparator.comparing(Impression::getTimestamp));
    return impressions;
  }

  private <T extends org.apache.avro.specific.SpecificRecord> List<T> decodeAll(
      String topic, Instant since, AvroCodec<T> codec) {
    List<T> values = new ArrayList<>();
    for (Iterator<SourcedEvent> partition : partitions(topic, since)) {
      while (partition.hasNext()) {
        try {
          values.add(codec.decode(partition.next().value()));
        } catch (CodecException e) {
          // An undecodable record is the producer's to fix; it cannot describe anything.
        }
      }
    }
    return values;
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> props = kafka.clientConfig();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @Override
  public void close() {
    open.forEach(PartitionCursor::close);
    open.clear();
  }
}
