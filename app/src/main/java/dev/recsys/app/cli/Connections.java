package dev.recsys.app.cli;

import dev.recsys.app.config.ConfigException;
import dev.recsys.app.config.RecsysConfig;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.TopicProvisioner;
import dev.recsys.schemas.Topics;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/** The external Kafka that commands other than {@code demo} talk to. */
final class Connections {
  private Connections() {}

  static KafkaConnection kafka(RecsysConfig config) {
    return config
        .kafka()
        .orElseThrow(() -> new ConfigException(List.of(
            "kafka.bootstrap-servers is not set: set KAFKA_BOOTSTRAP_SERVERS (e.g. localhost:9092, "
                + "or the address `recsys demo` prints for its embedded broker)")));
  }

  /** The Kafka of {@code config}, with the recsys topics created there if missing. */
  static KafkaConnection kafkaWithTopics(RecsysConfig config) {
    KafkaConnection kafka = kafka(config);
    ensureTopics(kafka, config);
    return kafka;
  }

  static PublisherConfig publisher(KafkaConnection kafka) {
    return PublisherConfig.of(kafka);
  }

  static void ensureTopics(KafkaConnection kafka, RecsysConfig config) {
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      TopicProvisioner.ensure(admin, Topics.named(config.topics()), config.layout());
    }
  }
}
