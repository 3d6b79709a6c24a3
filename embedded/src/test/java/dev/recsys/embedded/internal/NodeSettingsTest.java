package dev.recsys.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {

  private final NodeSettings settings = new NodeSettings(Path.of("/tmp/kafka-logs"), 19092, 19093);

  @Test
  void shouldOnlyUseSettingNamesTheBrokerKnows() {
    assertThat(KafkaConfig.configDef().names()).containsAll(settings.asMap().keySet());
  }

  @Test
  void shouldBuildAValidCombinedModeBrokerConfig() {
    KafkaConfig config = new KafkaConfig(settings.asMap());

    assertThat(config.nodeId()).isEqualTo(NodeSettings.NODE_ID);
    assertThat(config.controllerListenerNames()).containsExactly(NodeSettings.CONTROLLER_LISTENER);
    assertThat(config.metadataLogDir()).isEqualTo("/tmp/kafka-logs");
  }

  @Test
  void shouldAdvertiseTheClientListenerOnLoopback() {
    assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(settings.asMap())
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092");
  }

  @Test
  void shouldAskClientsAndItselfToLogInWithSaslPlain() {
    NodeSettings sasl = new NodeSettings(
        Path.of("/tmp/kafka-logs"),
        19092,
        19093,
        Optional.of(new NodeSettings.PlainUser("recsys", "s3cret")));

    KafkaConfig config = new KafkaConfig(sasl.asMap());

    assertThat(sasl.asMap())
        .containsEntry("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:19092")
        .containsEntry("sasl.enabled.mechanisms", "PLAIN");
    assertThat(config.interBrokerListenerName().value()).isEqualTo("SASL_PLAINTEXT");
    assertThat(sasl.saslUser().orElseThrow().clientJaas())
        .isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"recsys\" password=\"s3cret\";");
  }

  @Test
  void shouldRefuseASaslPasswordThatWouldBreakTheJaasLine() {
    assertThatThrownBy(() -> new NodeSettings.PlainUser("recsys", "a\"b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password");
  }

  @Test
  void shouldRejectOnePortForBothListeners() {
    assertThatThrownBy(() -> new NodeSettings(Path.of("/tmp/kafka-logs"), 19092, 19092))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinct");
  }
}
