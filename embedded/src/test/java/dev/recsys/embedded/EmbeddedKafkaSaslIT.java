package dev.recsys.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.schemas.KafkaConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A broker that asks for a SASL/PLAIN login: clients with it work, clients without it do not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedKafkaSaslIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final EmbeddedKafka kafka = EmbeddedKafka.startWithSaslPlain("recsys", "s3cret");

  @AfterAll
  void closeKafka() {
    kafka.close();
  }

  @Test
  void shouldServeTransactionsToClientsThatLogIn() throws Exception {
    KafkaConnection login = kafka.connection();
    try (Admin admin = Admin.create(login.clientConfig())) {
      admin
          .createTopics(List.of(new NewTopic("sasl-tx", 1, (short) 1)))
          .all()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
    Map<String, Object> producer = login.clientConfig();
    producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "sasl-tx-producer");
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> tx = new KafkaProducer<>(producer)) {
      tx.initTransactions();
      tx.beginTransaction();
      tx.send(new ProducerRecord<>("sasl-tx", "committed"));
      tx.commitTransaction();
    }

    assertThat(EmbeddedKafkaIT.consume(
            login.clientConfig(), "sasl-tx", 1, IsolationLevel.READ_COMMITTED))
        .containsExactly("committed");
  }

  @Test
  void shouldRefuseAWrongPasswordByName() {
    Map<String, String> wrong = new HashMap<>(kafka.connection().settings());
    wrong.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"recsys\" password=\"wrong\";");
    Map<String, Object> config =
        new KafkaConnection(kafka.bootstrapServers(), wrong).clientConfig();
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);

    try (Admin admin = Admin.create(config)) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void shouldHideTheLoginWhenPrinted() {
    assertThat(kafka.connection().toString())
        .contains("SASL_PLAINTEXT", "PLAIN")
        .doesNotContain("s3cret");
  }
}
