package dev.recsys.embedded.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats a node's log directory the way {@code kafka-storage.sh format} does (Kafka 4.4 {@link Formatter}):
 * writes {@code meta.properties} and the bootstrap metadata snapshot that {@code KafkaRaftServer} refuses to start
 * without.
 */
public final class KRaftStorage {

  private KRaftStorage() {}

  public static void format(NodeSettings settings, String clusterId) {
    String logDir = settings.logDir().toString();
    try {
      new Formatter()
          .setPrintStream(
              new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
          .setNodeId(NodeSettings.NODE_ID)
          .setClusterId(clusterId)
          .setControllerListenerName(NodeSettings.CONTROLLER_LISTENER)
          .setMetadataLogDirectory(logDir)
          .addDirectory(logDir)
          // Static quorum (controller.quorum.voters is set), so kraft.version stays 0.
          .setHasDynamicQuorum(false)
          // A controller needs the bootstrap snapshot; kafka-storage.sh writes it for controller
          // nodes only.
          .setWriteBootstrapSnapshot(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not format KRaft storage in " + logDir + " for cluster " + clusterId, e);
    }
  }
}
