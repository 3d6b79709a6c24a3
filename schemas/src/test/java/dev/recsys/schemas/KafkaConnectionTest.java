package dev.recsys.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {
  @Test
  void shouldHandEachClientItsOwnCopyToAddTo() {
    KafkaConnection kafka =
        new KafkaConnection("localhost:9093", Map.of("security.protocol", "SSL"));

    Map<String, Object> first = kafka.clientConfig();
    first.put("group.id", "mine");

    assertThat(kafka.clientConfig())
        .containsOnly(
            Map.entry("bootstrap.servers", "localhost:9093"),
            Map.entry("security.protocol", "SSL"));
  }

  @Test
  void shouldHideSecretsButShowTheRest() {
    KafkaConnection kafka = new KafkaConnection(
        "localhost:9093",
        Map.of(
            "security.protocol", "SSL",
            "ssl.keystore.password", "ks-pass",
            "ssl.key.password", "key-pass",
            "ssl.keystore.key", "-----BEGIN PRIVATE KEY-----",
            "sasl.jaas.config", "... password=\"jaas-pass\";"));

    assertThat(kafka.toString())
        .contains("localhost:9093", "security.protocol=SSL", "ssl.keystore.password=***")
        .doesNotContain("ks-pass", "key-pass", "PRIVATE KEY", "jaas-pass");
  }

  @Test
  void shouldNameTheSettingWhenTheAddressIsBlank() {
    assertThatThrownBy(() -> KafkaConnection.to(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafka.bootstrap-servers")
        .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
  }
}
