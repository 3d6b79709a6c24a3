package dev.recsys.embedded.internal;

import static java.util.Map.entry;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of a one-node KRaft cluster in combined mode (broker and controller in one process) on loopback.
 * Keys are spelled as in the Kafka broker documentation; {@code NodeSettingsTest} checks each one exists.
 */
public record NodeSettings(
    Path logDir, int clientPort, int controllerPort, Optional<PlainUser> saslUser) {

  public static final int NODE_ID = 1;
  public static final String CONTROLLER_LISTENER = "CONTROLLER";

  private static final String PLAINTEXT_LISTENER = "PLAINTEXT";
  private static final String SASL_LISTENER = "SASL_PLAINTEXT";
  private static final String PLAIN = "PLAIN";
  /** Internal topics default to 50 partitions; a test broker creates them faster with few. */
  private static final String INTERNAL_TOPIC_PARTITIONS = "5";

  private static final String ONE = "1";
  /** The default 128 MiB log-cleaner buffer is allocated at start-up; tests need a tiny one. */
  private static final String CLEANER_DEDUPE_BUFFER_BYTES = String.valueOf(2 * 1024 * 1024);

  public NodeSettings {
    requireNonNull(logDir, "logDir");
    requireNonNull(saslUser, "saslUser");
    if (clientPort <= 0 || controllerPort <= 0 || clientPort == controllerPort) {
      throw new IllegalArgumentException(
          "clientPort and controllerPort must be two distinct positive ports, got " + clientPort
              + " and " + controllerPort);
    }
  }

  /** A node whose clients connect in plain text, unauthenticated. */
  public NodeSettings(Path logDir, int clientPort, int controllerPort) {
    this(logDir, clientPort, controllerPort, Optional.empty());
  }

  /**
   * Settings for a node keeping its logs in {@code logDir}, on two ports that are free now; with
   * {@code saslUser}, clients (and the broker itself) must authenticate as that user (SASL/PLAIN).
   */
  public static NodeSettings onFreePorts(Path logDir, Optional<PlainUser> saslUser) {
    List<Integer> ports = Loopback.freePorts(2);
    return new NodeSettings(logDir, ports.get(0), ports.get(1), saslUser);
  }

  /** The one user a SASL/PLAIN node knows. */
  public record PlainUser(String name, String password) {
    public PlainUser {
      requireNonNull(name, "name");
      requireNonNull(password, "password");
      if (!name.matches("[A-Za-z0-9_-]+") || !password.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException(
            "SASL user name and password must be letters, digits, '_' or '-'");
      }
    }

    /** The client side of the login: {@code sasl.jaas.config} for this user. */
    public String clientJaas() {
      return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + name
          + "\" password=\"" + password + "\";";
    }

    /** The broker side: it logs in as the user (to itself) and accepts only the user. */
    String brokerJaas() {
      return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + name
          + "\" password=\"" + password + "\" user_" + name + "=\"" + password + "\";";
    }
  }

  /** The listener (and security protocol) clients connect to. */
  public String clientProtocol() {
    return saslUser.isPresent() ? SASL_LISTENER : PLAINTEXT_LISTENER;
  }

  public String bootstrapServers() {
    return Loopback.HOST + ":" + clientPort;
  }

  public Map<String, String> asMap() {
    String controller = Loopback.HOST + ":" + controllerPort;
    String client = clientProtocol();
    Map<String, String> map = new HashMap<>(Map.ofEntries(
        entry("process.roles", "broker,controller"),
        entry("node.id", String.valueOf(NODE_ID)),
        entry("controller.quorum.voters", NODE_ID + "@" + controller),
        entry("controller.listener.names", CONTROLLER_LISTENER),
        entry(
            "listeners",
            client + "://" + bootstrapServers() + "," + CONTROLLER_LISTENER + "://" + controller),
        entry("advertised.listeners", client + "://" + bootstrapServers()),
        entry(
            "listener.security.protocol.map",
            client + ":" + client + "," + CONTROLLER_LISTENER + ":PLAINTEXT"),
        entry("inter.broker.listener.name", client),
        entry("log.dirs", logDir.toString()),
        entry("auto.create.topics.enable", "false"),
        entry("num.partitions", ONE),
        entry("default.replication.factor", ONE),
        entry("min.insync.replicas", ONE),
        entry("offsets.topic.replication.factor", ONE),
        entry("offsets.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS),
        entry("transaction.state.log.replication.factor", ONE),
        entry("transaction.state.log.min.isr", ONE),
        entry("transaction.state.log.num.partitions", INTERNAL_TOPIC_PARTITIONS),
        entry("share.coordinator.state.topic.replication.factor", ONE),
        entry("share.coordinator.state.topic.min.isr", ONE),
        entry("share.coordinator.state.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS),
        entry("group.initial.rebalance.delay.ms", "0"),
        entry("group.streams.initial.rebalance.delay.ms", "0"),
        entry("log.cleaner.dedupe.buffer.size", CLEANER_DEDUPE_BUFFER_BYTES)));
    saslUser.ifPresent(user -> {
      map.put("sasl.enabled.mechanisms", PLAIN);
      map.put("sasl.mechanism.inter.broker.protocol", PLAIN);
      map.put(
          "listener.name." + SASL_LISTENER.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config",
          user.brokerJaas());
    });
    return Map.copyOf(map);
  }
}
