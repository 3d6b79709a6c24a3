package dev.recsys.app.cli;

import dev.recsys.app.config.ConfigException;
import dev.recsys.app.config.RecsysConfig;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.schemas.TopicProvisioner;
import dev.recsys.schemas.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The external Kafka that commands other than {@code demo} talk to. */
final class Connections {
  private Connections() {}

  static String kafka(RecsysConfig config) {
    return config
        .kafkaBootstrapServers()
        .orElseThrow(() -> new ConfigException(List.of(
            "kafka.bootstrap-servers is not set: set KAFKA_BOOTSTRAP_SERVERS (e.g. localhost:9092, "
                + "or the address `recsys demo` prints for its embedded broker)")));
  }

  /** The Kafka of {@code config}, with the recsys topics created there if missing. */
  static String kafkaWithTopics(RecsysConfig config) {
    String bootstrap = kafka(config);
    ensureTopics(bootstrap, config);
    return bootstrap;
  }

  static PublisherConfig publisher(String bootstrap) {
    return PublisherConfig.of(bootstrap);
  }

  static void ensureTopics(String bootstrap, RecsysConfig config) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicProvisioner.ensure(admin, Topics.named(config.topics()), config.layout());
    }
  }
}
