package dev.recsys.embedded.internal;

import static java.util.Map.entry;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Settings of a one-node KRaft cluster in combined mode (broker and controller in one process) on loopback.
 * Keys are spelled as in the Kafka broker documentation; {@code NodeSettingsTest} checks each one exists.
 */
public record NodeSettings(Path logDir, int clientPort, int controllerPort) {

  public static final int NODE_ID = 1;
  public static final String CONTROLLER_LISTENER = "CONTROLLER";

  private static final String CLIENT_LISTENER = "PLAINTEXT";
  /** Internal topics default to 50 partitions; a test broker creates them faster with few. */
  private static final String INTERNAL_TOPIC_PARTITIONS = "5";

  private static final String ONE = "1";
  /** The default 128 MiB log-cleaner buffer is allocated at start-up; tests need a tiny one. */
  private static final String CLEANER_DEDUPE_BUFFER_BYTES = String.valueOf(2 * 1024 * 1024);

  public NodeSettings {
    requireNonNull(logDir, "logDir");
    if (clientPort <= 0 || controllerPort <= 0 || clientPort == controllerPort) {
      throw new IllegalArgumentException(
          "clientPort and controllerPort must be two distinct positive ports, got " + clientPort
              + " and " + controllerPort);
    }
  }

  /** Settings for a node keeping its logs in {@code logDir}, on two ports that are free now. */
  public static NodeSettings onFreePorts(Path logDir) {
    List<Integer> ports = Loopback.freePorts(2);
    return new NodeSettings(logDir, ports.get(0), ports.get(1));
  }

  public String bootstrapServers() {
    return Loopback.HOST + ":" + clientPort;
  }

  public Map<String, String> asMap() {
    String controller = Loopback.HOST + ":" + controllerPort;
    return Map.ofEntries(
        entry("process.roles", "broker,controller"),
        entry("node.id", String.valueOf(NODE_ID)),
        entry("controller.quorum.voters", NODE_ID + "@" + controller),
        entry("controller.listener.names", CONTROLLER_LISTENER),
        entry(
            "listeners",
            CLIENT_LISTENER + "://" + bootstrapServers() + "," + CONTROLLER_LISTENER + "://"
                + controller),
        entry("advertised.listeners", CLIENT_LISTENER + "://" + bootstrapServers()),
        entry(
            "listener.security.protocol.map",
            CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
        entry("inter.broker.listener.name", CLIENT_LISTENER),
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
        entry("log.cleaner.dedupe.buffer.size", CLEANER_DEDUPE_BUFFER_BYTES));
  }
}
