package dev.recsys.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.schemas.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class FeaturesConfigTest {
  private static final KafkaConnection SASL = new KafkaConnection(
      "broker:9093", Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"));

  @Test
  void shouldGiveKafkaStreamsTheConnectionSettings() {
    Properties props = FeaturesConfig.of(SASL, Path.of("state")).streamsProperties();

    assertThat(props)
        .containsEntry("bootstrap.servers", "broker:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void shouldHeartbeatAtAThirdOfTheSessionTimeoutAndAtLeastEvery3Seconds() {
    Properties quick = FeaturesConfig.of(SASL, Path.of("state"))
        .withSessionTimeout(Duration.ofSeconds(6))
        .streamsProperties();
    Properties slow = FeaturesConfig.of(SASL, Path.of("state"))
        .withSessionTimeout(Duration.ofMinutes(2))
        .streamsProperties();

    assertThat(quick)
        .containsEntry("consumer.session.timeout.ms", "6000")
        .containsEntry("consumer.heartbeat.interval.ms", "2000");
    assertThat(slow)
        .containsEntry("consumer.session.timeout.ms", "120000")
        .containsEntry("consumer.heartbeat.interval.ms", "3000");
  }

  @Test
  void shouldGiveThePipelinesOwnConsumerGroupsTheSameSessionTimeout() {
    KafkaConnection members = FeaturesConfig.of(SASL, Path.of("state"))
        .withSessionTimeout(Duration.ofSeconds(10))
        .groupMemberConnection();

    assertThat(members.clientConfig())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("session.timeout.ms", "10000")
        .containsEntry("heartbeat.interval.ms", "3000");
  }

  @Test
  void shouldRefuseASessionTimeoutTheBrokerWouldRefuse() {
    FeaturesConfig config = FeaturesConfig.of(SASL, Path.of("state"));
    assertThatThrownBy(() -> config.withSessionTimeout(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("features.session-timeout");
  }
}
