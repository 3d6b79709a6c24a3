package dev.recsys.features;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * How far a consumer group is behind the end of a topic (its high watermark), in records. The
 * feature pipeline has caught up when its group is 0 behind the events topic and the
 * online-store writer is 0 behind the feature log. Records of a transaction still open count: a
 * killed instance's unfinished transaction hides the records written after it from
 * read-committed readers until the broker aborts it, so measuring to the last committed offset
 * instead read 0 while the online store was still behind. A topic that does not exist yet counts
 * as {@link #NOT_STARTED}.
 */
public final class PipelineLag {
  /** The lag of a pipeline whose topics do not exist yet: it has not started. */
  public static final long NOT_STARTED = Long.MAX_VALUE;

  private PipelineLag() {}

  public static long of(Admin admin, String groupId, String topic) {
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(java.util.List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
          .all()
          .get()
          .forEach((tp, info) -> ends.put(tp, info.offset()));
      Map<TopicPartition, OffsetAndMetadata> committed = admin
          .listConsumerGroupOffsets(groupId)
          .partitionsToOffsetAndMetadata()
          .get();
      long lag = 0;
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        OffsetAndMetadata at = committed.get(end.getKey());
        lag += Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
      }
      return lag;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return NOT_STARTED;
      }
      throw new IllegalStateException(
          "cannot read the lag of " + groupId + " on " + topic + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
