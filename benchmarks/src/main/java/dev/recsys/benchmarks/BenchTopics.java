package dev.recsys.benchmarks;

import dev.recsys.schemas.TopicLayout;
import dev.recsys.schemas.TopicProvisioner;
import dev.recsys.schemas.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Creates a benchmark's topics, single-node layout, and returns them once online. */
public final class BenchTopics {
  private BenchTopics() {}

  public static Topics create(String bootstrap, Topics topics) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicProvisioner.ensure(admin, topics, TopicLayout.SINGLE_NODE);
    }
    return topics;
  }
}
