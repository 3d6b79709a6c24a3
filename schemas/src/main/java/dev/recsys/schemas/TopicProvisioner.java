package dev.recsys.schemas;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the recsys topics that do not exist yet (existing topics are left as they are), kept
 * forever (records carry event time, so time-based retention would drop back-filled history), and
 * returns once every partition is online at its leader, so the first produce cannot race it.
 */
public final class TopicProvisioner {
  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final Duration LEADER_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LEADER_POLL = Duration.ofMillis(50);

  private TopicProvisioner() {}

  public static void ensure(Admin admin, Topics topics, TopicLayout layout) {
    try {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = topics.all().stream()
          .filter(topic -> !existing.contains(topic.name()))
          .map(topic -> newTopic(topic, layout))
          .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
        awaitOnline(admin, missing.stream().map(NewTopic::name).toList());
        log.info(
            "created topics {} with {} partitions, replication {}",
            missing.stream().map(NewTopic::name).toList(),
            layout.partitions(),
            layout.replicationFactor());
      }
    } catch (ExecutionException e) {
      String hint = e.getCause() instanceof AuthenticationException
          ? "; the cluster refused the login: check kafka.properties.security.protocol, "
              + "kafka.properties.sasl.mechanism and kafka.properties.sasl.jaas.config (or the "
              + "ssl.* settings)"
          : "";
      throw new IllegalStateException("cannot create recsys topics: " + e.getCause() + hint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating recsys topics", e);
    }
  }

  private static void awaitOnline(Admin admin, List<String> names)
      throws ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + LEADER_TIMEOUT.toNanos();
    while (!allOnline(admin, names)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topics " + names + " have partitions that are not online "
            + "after " + LEADER_TIMEOUT.toSeconds() + " s; is every broker up?");
      }
      Thread.sleep(LEADER_POLL.toMillis());
    }
  }

  /**
   * True once the leader of every partition answers a list-offsets request, i.e. has opened the
   * partition. Leadership in the metadata alone is not enough: an idempotent producer whose first
   * batch meets a partition not yet opened can be stuck in OUT_OF_ORDER_SEQUENCE retries until
   * its delivery timeout (KAFKA-15591), losing that batch.
   */
  private static boolean allOnline(Admin admin, List<String> names)
      throws ExecutionException, InterruptedException {
    try {
      Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
      admin
          .describeTopics(names)
          .allTopicNames()
          .get()
          .values()
          .forEach(d -> d.partitions()
              .forEach(p -> partitions.put(
                  new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
      admin.listOffsets(partitions).all().get();
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RetriableException) {
        return false;
      }
      throw e;
    }
  }

  private static NewTopic newTopic(Topic<?, ?> topic, TopicLayout layout) {
    String cleanup = topic.kind() == TopicKind.COMPACTED
        ? TopicConfig.CLEANUP_POLICY_COMPACT
        : TopicConfig.CLEANUP_POLICY_DELETE;
    // Event time, not arrival time, stamps the records: with time-based retention a back-filled
    // history older than the retention would be deleted at once. The log is the source of truth.
    return new NewTopic(topic.name(), layout.partitions(), layout.replicationFactor())
        .configs(Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, cleanup, TopicConfig.RETENTION_MS_CONFIG, "-1"));
  }
}
