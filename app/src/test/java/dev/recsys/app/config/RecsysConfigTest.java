package dev.recsys.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.schemas.KafkaConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecsysConfigTest {
  private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule "
      + "required username=\"recsys\" password=\"s3cret\";";

  @TempDir
  Path dir;

  @Test
  void shouldPassEveryKafkaPropertiesSettingToTheConnection() throws IOException {
    Path file = dir.resolve("recsys.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "kafka.bootstrap-servers=broker-1:9093,broker-2:9093",
            "kafka.properties.security.protocol=SASL_SSL",
            "kafka.properties.sasl.mechanism=SCRAM-SHA-512",
            "kafka.properties.ssl.truststore.location=/etc/kafka/truststore.jks"));

    KafkaConnection kafka = RecsysConfig.load(
            Settings.of(Map.of("KAFKA_PROPERTIES_SASL_JAAS_CONFIG", JAAS), Optional.of(file)))
        .kafka()
        .orElseThrow();

    assertThat(kafka.bootstrapServers()).isEqualTo("broker-1:9093,broker-2:9093");
    assertThat(kafka.settings())
        .containsOnly(
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
            Map.entry("ssl.truststore.location", "/etc/kafka/truststore.jks"),
            Map.entry("sasl.jaas.config", JAAS));
    assertThat(kafka.clientConfig())
        .containsEntry("bootstrap.servers", "broker-1:9093,broker-2:9093")
        .containsEntry("sasl.jaas.config", JAAS);
  }

  @Test
  void shouldLetTheEnvironmentWinOverTheFile() throws IOException {
    Path file = dir.resolve("recsys.properties");
    Files.writeString(
        file, "kafka.bootstrap-servers=localhost:9092\nkafka.properties.security.protocol=SSL\n");

    KafkaConnection kafka = RecsysConfig.load(Settings.of(
            Map.of("KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL"), Optional.of(file)))
        .kafka()
        .orElseThrow();

    assertThat(kafka.settings()).containsExactly(Map.entry("security.protocol", "SASL_SSL"));
  }

  @Test
  void shouldNeverPrintTheLogin() {
    RecsysConfig config = RecsysConfig.load(Settings.of(
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
            "KAFKA_PROPERTIES_SASL_JAAS_CONFIG", JAAS,
            "KAFKA_PROPERTIES_SSL_TRUSTSTORE_PASSWORD", "changeit"),
        Optional.empty()));

    assertThat(config.describe())
        .contains("localhost:9092", "sasl.jaas.config=***", "ssl.truststore.password=***")
        .doesNotContain("s3cret", "changeit");
  }

  @Test
  void shouldRefuseABootstrapServersProperty() {
    Settings settings = Settings.of(
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
            "KAFKA_PROPERTIES_BOOTSTRAP_SERVERS", "elsewhere:9092"),
        Optional.empty());

    assertThatThrownBy(() -> RecsysConfig.load(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kafka.properties.bootstrap.servers is not allowed")
        .hasMessageContaining("set kafka.bootstrap-servers");
  }

  @Test
  void shouldTakeASessionTimeoutWithinTheBrokersBounds() {
    assertThat(RecsysConfig.load(Settings.of(Map.of(), Optional.empty())).featuresSessionTimeout())
        .hasSeconds(45);
    assertThat(RecsysConfig.load(
                Settings.of(Map.of("FEATURES_SESSION_TIMEOUT", "10s"), Optional.empty()))
            .featuresSessionTimeout())
        .hasSeconds(10);
    assertThatThrownBy(() -> RecsysConfig.load(
            Settings.of(Map.of("FEATURES_SESSION_TIMEOUT", "2s"), Optional.empty())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("features.session-timeout must be between 6s and 30m");
  }

  @Test
  void shouldLeaveKafkaEmbeddedWhenNoBootstrapServersAreSet() {
    assertThat(RecsysConfig.load(Settings.of(Map.of(), Optional.empty())).kafka())
        .isEmpty();
  }
}
