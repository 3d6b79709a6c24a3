package dev.recsys.schemas;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every recsys client reaches the cluster: the bootstrap servers and the client settings
 * every producer, consumer, admin and Kafka Streams instance needs to connect, such as TLS and
 * SASL ({@code security.protocol}, {@code ssl.truststore.location}, {@code sasl.jaas.config}).
 * Each client adds its own settings (group id, serializers) to a copy of {@link #clientConfig()}.
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> settings) {
  private static final String HIDDEN = "***";

  public KafkaConnection {
    requireNonNull(bootstrapServers, "kafka.bootstrap-servers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException(
          "kafka.bootstrap-servers must not be blank; set KAFKA_BOOTSTRAP_SERVERS, e.g. "
              + "localhost:9092");
    }
    settings = Map.copyOf(requireNonNull(settings, "kafka.properties"));
    if (settings.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
      throw new IllegalArgumentException(
          "kafka.properties.bootstrap.servers is not allowed; set kafka.bootstrap-servers");
    }
  }

  /** A cluster reached in plain text, with no authentication (the embedded broker, tests). */
  public static KafkaConnection to(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, Map.of());
  }

  /** This connection with {@code more} settings, replacing any of the same name. */
  public KafkaConnection with(Map<String, String> more) {
    Map<String, String> merged = new HashMap<>(settings);
    merged.putAll(more);
    return new KafkaConnection(bootstrapServers, merged);
  }

  /** A new, mutable map with the bootstrap servers and the connection settings. */
  public Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>(settings);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  /** For logs: the settings, secrets ({@code password}, {@code jaas}, keys) shown as {@code ***}. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    settings.forEach((key, value) -> shown.put(key, secret(key) ? HIDDEN : value));
    return shown.isEmpty() ? bootstrapServers : bootstrapServers + " " + shown;
  }

  private static boolean secret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password")
        || k.contains("jaas")
        || k.contains("secret")
        || k.endsWith(".key")
        || k.contains("credentials");
  }
}
