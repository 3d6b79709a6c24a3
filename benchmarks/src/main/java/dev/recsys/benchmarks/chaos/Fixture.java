package dev.recsys.benchmarks.chaos;

import dev.recsys.app.demo.PublishingSink;
import dev.recsys.app.offline.OfflineLoop;
import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.features.FeaturesApp;
import dev.recsys.features.SkewJob;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.replay.RefusalLimit;
import dev.recsys.features.skew.SkewCheck;
import dev.recsys.features.skew.SkewReport;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.ingest.generate.DatasetGenerator;
import dev.recsys.ingest.generate.DatasetSummary;
import dev.recsys.ingest.generate.GeneratorParams;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.TopicLayout;
import dev.recsys.schemas.TopicProvisioner;
import dev.recsys.schemas.Topics;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The system the faults are injected into, on loopback: a real Kafka broker and redis-server
 * owned here (so they can be stopped and restarted), a TCP proxy in front of Redis, the sample
 * data set published and its features computed by {@code recsys features} in a child JVM, the
 * offline loop's ranker and ANN index, and {@code recsys serve} in another child JVM reading Redis
 * through the proxy.
 */
final class Fixture implements AutoCloseable {
  static final String APPLICATION_ID = "recsys-features";
  /** features.session-timeout of every features instance: how soon a killed one's partitions move. */
  static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration CATCH_UP = Duration.ofMinutes(5);
  private static final Duration READY = Duration.ofMinutes(3);

  final Topics topics = Topics.defaults();
  final EmbeddedKafka kafka;
  final EmbeddedRedis redis;
  final TcpProxy redisProxy;
  final RecsysProcess features;
  final RecsysProcess serve;
  final int httpPort;
  final DatasetSummary data;
  final GeneratorParams params;
  private final Path dir;

  private Fixture(
      Path dir,
      EmbeddedKafka kafka,
      EmbeddedRedis redis,
      TcpProxy redisProxy,
      RecsysProcess features,
      RecsysProcess serve,
      int httpPort,
      DatasetSummary data,
      GeneratorParams params) {
    this.dir = dir;
    this.params = params;
    this.kafka = kafka;
    this.redis = redis;
    this.redisProxy = redisProxy;
    this.features = features;
    this.serve = serve;
    this.httpPort = httpPort;
    this.data = data;
  }

  /**
   * @param serveSettings more settings for {@code recsys serve}, by environment variable ({@code
   *     HTTP_MAX_IN_FLIGHT=16})
   */
  static Fixture start(
      Path dir, GeneratorParams params, Map<String, String> serveSettings, Consumer<String> say)
      throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.startIn(dir.resolve("kafka"));
    EmbeddedRedis redis = EmbeddedRedis.startIn(dir.resolve("redis"));
    Topics topics = Topics.defaults();
    String bootstrap = kafka.bootstrapServers();
    try (Admin admin = admin(kafka.connection())) {
      TopicProvisioner.ensure(admin, topics, TopicLayout.SINGLE_NODE);
    }
    DatasetSummary data;
    try (EventPublisher publisher =
        EventPublisher.create(PublisherConfig.of(kafka.connection()), topics, Clock.systemUTC())) {
      PublishingSink sink = new PublishingSink(publisher);
      data = new DatasetGenerator().generate(params, sink, done -> {});
      sink.awaitAcknowledged();
    }
    say.accept(String.format(
        "published %,d events and %,d items to Kafka at %s",
        data.events(), data.items(), bootstrap));
    Path logs = dir.resolve("logs");
    RecsysProcess features = startFeatures(
        "features",
        bootstrap,
        redis.uri(),
        dir.resolve("features-state"),
        dir.resolve("offline"),
        logs);
    if (caughtUp(kafka.connection(), topics, CATCH_UP, features::alive) < 0) {
      throw new IllegalStateException("recsys features did not catch up within "
          + CATCH_UP.toMinutes() + " min; see " + features.log());
    }
    say.accept("recsys features (its own JVM) has every user's and item's features in Redis");
    OfflineLoop.Artifacts models = OfflineLoop.forSampleData(
            kafka.connection(),
            topics,
            FeatureSet.CORE_V1,
            new RefusalLimit(RefusalLimit.DEFAULT_MAX_SHARE, IntakePolicy.DEFAULT),
            dir.resolve("loop"),
            Clock.systemUTC())
        .run(line -> say.accept("  " + line));
    TcpProxy proxy = TcpProxy.to(redis.port());
    int port = freePort();
    Map<String, String> env = new HashMap<>(serveSettings);
    env.putAll(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
        "REDIS_URI", "redis://127.0.0.1:" + proxy.port(),
        "SERVING_INDEX_DIR", models.indexDir().toString(),
        "MODELS_DIR", models.registryRoot().resolve("models").toString(),
        "HTTP_PORT", String.valueOf(port)));
    RecsysProcess serve = RecsysProcess.start(
        "serve", List.of("serve"), env, logs, List.of("-Xmx1g", "-XX:MaxTenuringThreshold=2"));
    Fixture fixture = new Fixture(dir, kafka, redis, proxy, features, serve, port, data, params);
    Duration ready = serve.awaitOk(fixture.url("/readyz"), READY);
    say.accept(String.format(
        "recsys serve is ready on port %d in %.1f s (index, model, warm-up); Redis through the "
            + "proxy on port %d",
        port, ready.toMillis() / 1e3, proxy.port()));
    return fixture;
  }

  /**
   * Recommendation paths for users of the data set and a tenth more unknown ones (the cold-start
   * path), drawn uniformly with {@code seed}.
   */
  IntFunction<String> recommendationPaths(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int users = params.users() + Math.max(1, params.users() / 10);
    return n -> String.format("/v1/users/u%05d/recommendations?k=20", random.nextInt(users));
  }

  /**
   * Another {@code recsys features} instance with the same application id, its own state
   * directory, archiving to {@code offlineDir} (every 500 ms).
   */
  RecsysProcess startFeatures(String name, Path stateDir, Path offlineDir) {
    return startFeatures(
        name, kafka.bootstrapServers(), redis.uri(), stateDir, offlineDir, dir.resolve("logs"));
  }

  private static RecsysProcess startFeatures(
      String name, String bootstrap, String redisUri, Path stateDir, Path offlineDir, Path logs) {
    return RecsysProcess.start(
        name,
        List.of("features"),
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS",
            bootstrap,
            "REDIS_URI",
            redisUri,
            "FEATURES_STATE_DIR",
            stateDir.toString(),
            "OFFLINE_DIR",
            offlineDir.toString(),
            "OFFLINE_MAX_AGE",
            "500ms",
            "FEATURES_SESSION_TIMEOUT",
            SESSION_TIMEOUT.toSeconds() + "s"),
        logs,
        List.of("-Xmx1g", "-XX:+UseParallelGC"));
  }

  /** The online store against a replay of every event on the topic, feature by feature. */
  SkewReport skew() {
    try (RedisOnlineStore store =
        RedisOnlineStore.connect(OnlineStoreConfig.of(redis.uri(), FeatureSet.CORE_V1))) {
      return new SkewJob(
              kafka.connection(), topics, IntakePolicy.DEFAULT, SkewCheck.DEFAULT_TOLERANCE)
          .run(store, read -> {});
    }
  }

  /**
   * Waits until the feature pipeline has carried every event into Redis (lag 0, twice).
   *
   * @return how many ms it took, or -1 after {@code timeout}
   */
  long awaitFeatures(Duration timeout) throws InterruptedException {
    return caughtUp(kafka.connection(), topics, timeout, () -> true);
  }

  /** Ms until the pipeline's lag is 0 twice in a row; -1 after {@code timeout} or once not alive. */
  private static long caughtUp(
      KafkaConnection kafka, Topics topics, Duration timeout, BooleanSupplier alive)
      throws InterruptedException {
    long start = System.nanoTime();
    try (Admin admin = admin(kafka)) {
      int zeros = 0;
      while (zeros < 2) {
        if (!alive.getAsBoolean() || System.nanoTime() - start > timeout.toNanos()) {
          return -1;
        }
        zeros = FeaturesApp.lag(admin, APPLICATION_ID, topics) == 0 ? zeros + 1 : 0;
        Thread.sleep(250);
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  Path dir() {
    return dir;
  }

  Admin admin() {
    return admin(kafka.connection());
  }

  private static Admin admin(KafkaConnection kafka) {
    Map<String, Object> config = kafka.clientConfig();
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    return Admin.create(config);
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    serve.close();
    features.close();
    redisProxy.close();
    redis.close();
    kafka.close();
  }
}
