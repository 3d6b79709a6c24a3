package dev.recsys.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
  void shouldRejectOnePortForBothListeners() {
    assertThatThrownBy(() -> new NodeSettings(Path.of("/tmp/kafka-logs"), 19092, 19092))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinct");
  }
}
