package dev.recsys.schemas;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the recsys topics that do not exist yet; existing topics are left as they are. */
public final class TopicProvisioner {
  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

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
        log.info("created topics {} with {} partitions, replication {}",
            missing.stream().map(NewTopic::name).toList(), layout.partitions(),
            layout.replicationFactor());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create recsys topics: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating recsys topics", e);
    }
  }

  private static NewTopic newTopic(Topic<?, ?> topic, TopicLayout layout) {
    String cleanup = topic.kind() == TopicKind.COMPACTED
        ? TopicConfig.CLEANUP_POLICY_COMPACT
        : TopicConfig.CLEANUP_POLICY_DELETE;
    return new NewTopic(topic.name(), layout.partitions(), layout.replicationFactor())
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup));
  }
}
