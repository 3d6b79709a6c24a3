package dev.recsys.embedded;

import dev.recsys.embedded.internal.Cleanup;
import dev.recsys.embedded.internal.KRaftStorage;
import dev.recsys.embedded.internal.NodeSettings;
import dev.recsys.embedded.internal.NodeSettings.PlainUser;
import dev.recsys.embedded.internal.Stopwatch;
import dev.recsys.embedded.internal.TempDirectory;
import dev.recsys.schemas.KafkaConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in this JVM: KRaft combined mode (broker and controller), PLAINTEXT (or SASL/PLAIN)
 * on a free loopback port, internal topics with replication factor 1 so transactions and exactly-once Streams work.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     Admin admin = Admin.create(kafka.clientProperties());
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private volatile KafkaRaftServer server;
  private volatile boolean running = true;
  private final NodeSettings settings;
  private final boolean kept;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafka(KafkaRaftServer server, NodeSettings settings, boolean kept) {
    this.server = server;
    this.settings = settings;
    this.kept = kept;
  }

  /** Formats fresh storage in a temp directory, starts the broker and returns once it answers clients. */
  public static EmbeddedKafka start() {
    NodeSettings settings =
        NodeSettings.onFreePorts(TempDirectory.create("recsys-kafka-"), Optional.empty());
    return start(settings, false);
  }

  /**
   * Like {@link #start()}, but clients must log in with SASL/PLAIN as {@code user} (letters,
   * digits, '_' or '-'); {@link #connection()} carries the login. For testing that a client passes
   * its security settings through.
   */
  public static EmbeddedKafka startWithSaslPlain(String user, String password) {
    NodeSettings settings = NodeSettings.onFreePorts(
        TempDirectory.create("recsys-kafka-"), Optional.of(new PlainUser(user, password)));
    return start(settings, false);
  }

  /**
   * Starts a broker whose storage lives in {@code dir} and outlives it: formatted on first use, its topics, offsets
   * and transactions found again on the next start (on new free ports: clients take {@link #bootstrapServers()}).
   */
  public static EmbeddedKafka startIn(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Kafka data directory " + dir, e);
    }
    return start(NodeSettings.onFreePorts(dir.toAbsolutePath(), Optional.empty()), true);
  }

  private static EmbeddedKafka start(NodeSettings settings, boolean kept) {
    Stopwatch total = Stopwatch.start();
    boolean formatted = Files.exists(settings.logDir().resolve("meta.properties"));
    KafkaRaftServer server = formatted ? create(settings) : formatAndCreate(settings, !kept);
    long formatMillis = total.elapsedMillis();
    EmbeddedKafka kafka = new EmbeddedKafka(server, settings, kept);
    try {
      server.startup();
      kafka.awaitReady();
    } catch (RuntimeException e) {
      throw Cleanup.after(e, kafka::close);
    }
    log.info(
        "embedded Kafka ready on {} in {} ms (storage format {} ms), data in {}",
        kafka.bootstrapServers(),
        total.elapsedMillis(),
        formatMillis,
        settings.logDir());
    return kafka;
  }

  /** {@code "127.0.0.1:port"} of the client listener. */
  public String bootstrapServers() {
    return settings.bootstrapServers();
  }

  /** What every client of this broker needs: its address and, if it asks for one, the login. */
  public KafkaConnection connection() {
    return settings
        .saslUser()
        .map(user -> new KafkaConnection(
            bootstrapServers(),
            Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                settings.clientProtocol(),
                SaslConfigs.SASL_MECHANISM,
                "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG,
                user.clientJaas())))
        .orElseGet(() -> KafkaConnection.to(bootstrapServers()));
  }

  /** What every client of this broker needs ({@code bootstrap.servers}); add your own settings to a copy. */
  public Map<String, Object> clientProperties() {
    return connection().clientConfig();
  }

  /** The directory holding the broker's logs and metadata; {@link #close()} deletes it unless it was
   * {@link #startIn(Path) given}. */
  public Path dataDir() {
    return settings.logDir();
  }

  /**
   * Shuts the broker down and keeps its storage: clients get connection errors until {@link #restart()}, as when a
   * broker process dies. Stopping twice is fine.
   */
  public synchronized void stop() {
    if (!running || closed.get()) {
      return;
    }
    Stopwatch stopwatch = Stopwatch.start();
    server.shutdown();
    server.awaitShutdown();
    running = false;
    log.info(
        "embedded Kafka on {} stopped in {} ms (storage kept)",
        bootstrapServers(),
        stopwatch.elapsedMillis());
  }

  /**
   * Starts the broker again on the same ports with the same storage (its topics, offsets and transactions), stopping
   * it first if it runs, and returns once it answers clients.
   */
  public synchronized void restart() {
    if (closed.get()) {
      throw new IllegalStateException(
          "embedded Kafka on " + bootstrapServers() + " is closed; start a new one");
    }
    stop();
    Stopwatch stopwatch = Stopwatch.start();
    server = create(settings);
    server.startup();
    running = true;
    awaitReady();
    log.info(
        "embedded Kafka restarted on {} in {} ms", bootstrapServers(), stopwatch.elapsedMillis());
  }

  /** Shuts the broker down, waits for it and deletes its directory. Calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Stopwatch stopwatch = Stopwatch.start();
    try {
      if (running) {
        server.shutdown();
        server.awaitShutdown();
        running = false;
      }
    } finally {
      if (!kept) {
        TempDirectory.delete(settings.logDir());
      }
    }
    log.info(
        "embedded Kafka on {} stopped in {} ms", bootstrapServers(), stopwatch.elapsedMillis());
  }

  private static KafkaRaftServer formatAndCreate(NodeSettings settings, boolean temporary) {
    try {
      KRaftStorage.format(settings, Uuid.randomUuid().toString());
      return create(settings);
    } catch (RuntimeException e) {
      throw temporary ? Cleanup.after(e, () -> TempDirectory.delete(settings.logDir())) : e;
    }
  }

  private static KafkaRaftServer create(NodeSettings settings) {
    return new KafkaRaftServer(new KafkaConfig(settings.asMap()), Time.SYSTEM);
  }

  private void awaitReady() {
    DescribeClusterOptions options =
        new DescribeClusterOptions().timeoutMs((int) READY_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(clientProperties())) {
      Collection<Node> brokers = admin
          .describeCluster(options)
          .nodes()
          .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (brokers.isEmpty()) {
        throw new IllegalStateException("embedded Kafka on port " + settings.clientPort()
            + " answered but lists no live broker");
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "embedded Kafka did not become ready within " + READY_TIMEOUT.toSeconds() + "s on port "
              + settings.clientPort(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while waiting for embedded Kafka on port " + settings.clientPort(), e);
    }
  }
}
