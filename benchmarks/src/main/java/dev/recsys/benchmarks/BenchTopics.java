package dev.recsys.benchmarks;

import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.TopicLayout;
import dev.recsys.schemas.TopicProvisioner;
import dev.recsys.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;

/** Creates a benchmark's topics, single-node layout, and returns them once online. */
public final class BenchTopics {
  private BenchTopics() {}

  public static Topics create(KafkaConnection bootstrap, Topics topics) {
    try (Admin admin = Admin.create(bootstrap.clientConfig())) {
      TopicProvisioner.ensure(admin, topics, TopicLayout.SINGLE_NODE);
    }
    return topics;
  }
}
