package dev.recsys.app.config;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import dev.recsys.features.FeaturesConfig;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.offline.OfflineConfig;
import dev.recsys.features.replay.RefusalLimit;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.ingest.http.IngestLimits;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.TopicLayout;
import dev.recsys.schemas.TopicNames;
import dev.recsys.serving.ServingSettings;
import dev.recsys.serving.http.AdmissionLimits;
import dev.recsys.serving.http.ApiKeys;
import dev.recsys.serving.http.HttpConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration. An empty {@code kafka} / {@code redisUri} means "use the embedded
 * runtime" (only {@code recsys demo} offers one). {@code kafka} is {@code kafka.bootstrap-servers}
 * with every {@code kafka.properties.*} setting (TLS, SASL) that all recsys Kafka clients share.
 */
public record RecsysConfig(
    Optional<KafkaConnection> kafka,
    Optional<String> redisUri,
    TopicNames topics,
    TopicLayout layout,
    HttpConfig http,
    IngestLimits ingest,
    String featuresApplicationId,
    Path featuresStateDir,
    Duration featuresSessionTimeout,
    IntakePolicy intake,
    double maxRefusedShare,
    OfflineConfig offline,
    Path modelsDir,
    ServingSettings serving,
    ApiKeys apiKeys) {
  public static final String DEFAULT_FEATURES_STATE_DIR = "data/features-state";
  public static final String DEFAULT_OFFLINE_DIR = "data/offline";
  public static final String DEFAULT_MODELS_DIR = "models";
  /** Prefix of the Kafka client settings passed to every client ({@code security.protocol}). */
  public static final String KAFKA_PROPERTIES = "kafka.properties.";

  public RecsysConfig {
    requireNonNull(kafka, "kafka");
    requireNonNull(redisUri, "redis.uri");
    requireNonNull(topics, "topics");
    requireNonNull(layout, "kafka.partitions");
    requireNonNull(http, "http");
    requireNonNull(ingest, "ingest");
    requireNonNull(featuresApplicationId, "features.application-id");
    requireNonNull(featuresStateDir, "features.state-dir");
    requireNonNull(featuresSessionTimeout, "features.session-timeout");
    requireNonNull(intake, "features.grace");
    requireNonNull(offline, "offline");
    requireNonNull(modelsDir, "models.dir");
    requireNonNull(serving, "serving");
    requireNonNull(apiKeys, "apiKeys");
  }

  /** Reads every key, reporting all problems at once. */
  public static RecsysConfig load(Settings s) {
    List<String> problems = new ArrayList<>();
    Reader r = new Reader(s, problems);
    TopicNames names = new TopicNames(
        s.get("topics.events", TopicNames.DEFAULT.events()),
        s.get("topics.items", TopicNames.DEFAULT.items()),
        s.get("topics.events-dlq", TopicNames.DEFAULT.eventsDlq()),
        s.get("topics.impressions", TopicNames.DEFAULT.impressions()),
        s.get("topics.feature-log", TopicNames.DEFAULT.featureLog()));
    int partitions = r.integer("kafka.partitions", TopicLayout.DEFAULT_PARTITIONS);
    int replication = r.integer("kafka.replication-factor", 1);
    int port = r.integer("http.port", HttpConfig.DEFAULT_PORT);
    String host = s.get("http.host", HttpConfig.DEFAULT_HOST);
    int io = r.integer("http.io-threads", HttpConfig.DEFAULT_IO_THREADS);
    int workers = r.integer("http.worker-threads", HttpConfig.DEFAULT_WORKER_THREADS);
    int maxBody = r.integer("ingest.max-body-bytes", IngestLimits.DEFAULT_MAX_BODY_BYTES);
    int maxEntries = r.integer("ingest.max-entries", IngestLimits.DEFAULT_MAX_ENTRIES);
    int maxHeader = r.integer("http.max-header-bytes", HttpConfig.DEFAULT_MAX_HEADER_BYTES);
    int maxHttpBody = r.integer("http.max-body-bytes", (int) HttpConfig.DEFAULT_MAX_BODY_BYTES);
    int buffer = r.integer("serving.impression-buffer", ServingSettings.DEFAULT_IMPRESSION_BUFFER);
    Duration deadline = r.duration("serving.deadline", ServingSettings.DEFAULT.deadline());
    Duration itemCacheTtl =
        r.duration("serving.item-cache-ttl", ServingSettings.DEFAULT_ITEM_CACHE_TTL);
    int warmUp = r.integer("serving.warm-up-requests", ServingSettings.DEFAULT_WARM_UP_REQUESTS);
    int readsInFlight = r.integer("http.max-in-flight", AdmissionLimits.READS.maxInFlight());
    int readsFloor = r.integer(
        "http.min-in-flight", Math.min(readsInFlight, AdmissionLimits.READS.minInFlight()));
    Duration readsQueue = r.duration("http.max-queue-time", AdmissionLimits.READS.maxQueueTime());
    int ingestInFlight = r.integer("ingest.max-in-flight", AdmissionLimits.INGEST.maxInFlight());
    int ingestFloor = r.integer(
        "ingest.min-in-flight", Math.min(ingestInFlight, AdmissionLimits.INGEST.minInFlight()));
    Duration ingestQueue =
        r.duration("ingest.max-queue-time", AdmissionLimits.INGEST.maxQueueTime());
    int offlineRows = r.integer("offline.max-rows", OfflineConfig.DEFAULT_MAX_ROWS);
    Duration offlineAge = r.duration("offline.max-age", OfflineConfig.DEFAULT_MAX_AGE);
    Path offlineDir = Path.of(s.get("offline.dir", DEFAULT_OFFLINE_DIR));
    OfflineConfig offline = requireNonNullElse(
        r.valid(() -> new OfflineConfig(offlineDir, offlineRows, offlineAge)),
        OfflineConfig.of(offlineDir));
    TopicLayout layout = r.valid(() -> new TopicLayout(partitions, (short) replication));
    // An invalid limit is reported below with every other problem; the default stands in.
    AdmissionLimits reads = requireNonNullElse(
        r.valid(() -> new AdmissionLimits("http", readsInFlight, readsFloor, readsQueue)),
        AdmissionLimits.READS);
    AdmissionLimits ingestAdmission = requireNonNullElse(
        r.valid(() -> new AdmissionLimits("ingest", ingestInFlight, ingestFloor, ingestQueue)),
        AdmissionLimits.INGEST);
    HttpConfig http = r.valid(() ->
        new HttpConfig(host, port, io, workers, maxHeader, maxHttpBody, reads, ingestAdmission));
    ServingSettings serving = r.valid(() -> new ServingSettings(
        s.get("serving.index-dir").map(Path::of),
        s.get("serving.rules").map(Path::of),
        deadline,
        buffer,
        ServingSettings.DEFAULT_MODEL_POLL,
        ServingSettings.DEFAULT_RULES_POLL,
        itemCacheTtl,
        warmUp));
    IngestLimits limits = r.valid(() -> new IngestLimits(maxBody, maxEntries));
    Duration grace = r.duration("features.grace", IntakePolicy.DEFAULT_GRACE);
    Duration horizon = r.duration("features.dedupe-horizon", IntakePolicy.DEFAULT_DEDUPE_HORIZON);
    IntakePolicy intake = r.valid(() -> new IntakePolicy(grace, horizon));
    Duration rawSessionTimeout =
        r.duration("features.session-timeout", FeaturesConfig.DEFAULT_SESSION_TIMEOUT);
    Duration sessionTimeout = requireNonNullElse(
        r.valid(() -> FeaturesConfig.checkSessionTimeout(rawSessionTimeout)),
        FeaturesConfig.DEFAULT_SESSION_TIMEOUT);
    double maxRefused = r.share(RefusalLimit.KEY, RefusalLimit.DEFAULT_MAX_SHARE);
    Map<String, String> kafkaProperties = s.withPrefix(KAFKA_PROPERTIES);
    Optional<KafkaConnection> kafka = s.get("kafka.bootstrap-servers")
        .map(servers -> r.valid(() -> new KafkaConnection(servers, kafkaProperties)));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new RecsysConfig(
        kafka,
        s.get("redis.uri"),
        names,
        layout,
        http,
        limits,
        s.get("features.application-id", FeaturesConfig.DEFAULT_APPLICATION_ID),
        Path.of(s.get("features.state-dir", DEFAULT_FEATURES_STATE_DIR)),
        sessionTimeout,
        intake,
        maxRefused,
        offline,
        Path.of(s.get("models.dir", DEFAULT_MODELS_DIR)),
        serving,
        new ApiKeys(s.get("http.ingest-api-key"), s.get("http.admin-api-key")));
  }

  public RecsysConfig withHttp(HttpConfig http) {
    return new RecsysConfig(
        kafka,
        redisUri,
        topics,
        layout,
        http,
        ingest,
        featuresApplicationId,
        featuresStateDir,
        featuresSessionTimeout,
        intake,
        maxRefusedShare,
        offline,
        modelsDir,
        serving,
        apiKeys);
  }

  public RecsysConfig withServing(ServingSettings value) {
    return new RecsysConfig(
        kafka,
        redisUri,
        topics,
        layout,
        http,
        ingest,
        featuresApplicationId,
        featuresStateDir,
        featuresSessionTimeout,
        intake,
        maxRefusedShare,
        offline,
        modelsDir,
        value,
        apiKeys);
  }

  /** How much refusal a replaying job accepts before it fails, under this intake policy. */
  public RefusalLimit refusalLimit() {
    return new RefusalLimit(maxRefusedShare, intake);
  }

  /** One line per setting, for the start-up log. */
  public String describe() {
    return String.join(
        "\n",
        List.of(
            "kafka.bootstrap-servers = "
                + kafka.map(KafkaConnection::toString).orElse("(embedded)"),
            "redis.uri = " + redisUri.map(OnlineStoreConfig::redact).orElse("(embedded)"),
            "topics = " + topics,
            "kafka.partitions = " + layout.partitions() + ", replication "
                + layout.replicationFactor(),
            "http = " + http.host() + ":" + http.port() + " (io " + http.ioThreads() + ", workers "
                + http.workerThreads() + ")",
            "ingest.max-body-bytes = " + ingest.maxBodyBytes() + ", ingest.max-entries = "
                + ingest.maxEntries(),
            "features.application-id = " + featuresApplicationId + ", features.state-dir = "
                + featuresStateDir.toAbsolutePath() + ", features.session-timeout = "
                + featuresSessionTimeout.toMillis() + " ms",
            "features.grace = " + intake.grace() + ", features.dedupe-horizon = "
                + intake.dedupeHorizon() + ", " + RefusalLimit.KEY + " = " + maxRefusedShare,
            "offline.dir = " + offline.dir().toAbsolutePath() + " (flush at " + offline.maxRows()
                + " rows or " + offline.maxAge().toMillis() + " ms), models.dir = "
                + modelsDir.toAbsolutePath(),
            "http.max-header-bytes = " + http.maxHeaderBytes() + ", http.max-body-bytes = "
                + http.maxBodyBytes() + ", api keys: " + apiKeys,
            "http.max-in-flight = " + http.reads().maxInFlight() + " (min "
                + http.reads().minInFlight()
                + "), http.max-queue-time = "
                + http.reads().maxQueueTime().toMillis() + " ms, ingest.max-in-flight = "
                + http.ingest().maxInFlight() + " (min " + http.ingest().minInFlight()
                + "), ingest.max-queue-time = "
                + http.ingest().maxQueueTime().toMillis() + " ms",
            "serving.index-dir = " + serving.indexDir().map(Path::toString).orElse("(none)")
                + ", serving.rules = "
                + serving.rulesFile().map(Path::toString).orElse("(defaults)")
                + ", serving.deadline = " + serving.deadline().toMillis() + " ms"
                + ", serving.impression-buffer = " + serving.impressionBuffer()
                + ", serving.item-cache-ttl = " + serving.itemCacheTtl().toMillis() + " ms"
                + ", serving.warm-up-requests = " + serving.warmUpRequests()));
  }

  /** Collects problems instead of failing on the first. */
  private record Reader(Settings s, List<String> problems) {
    int integer(String key, int fallback) {
      Optional<String> raw = s.get(key);
      if (raw.isEmpty()) {
        return fallback;
      }
      try {
        return Integer.parseInt(raw.get());
      } catch (NumberFormatException e) {
        problems.add(
            key + " (" + Settings.envName(key) + ") must be an integer, got '" + raw.get() + "'");
        return fallback;
      }
    }

    Duration duration(String key, Duration fallback) {
      Optional<String> raw = s.get(key);
      if (raw.isEmpty()) {
        return fallback;
      }
      try {
        return ServingSettings.parseDuration(raw.get());
      } catch (RuntimeException e) {
        problems.add(key + " (" + Settings.envName(key) + ") must be a duration like 100ms, 2s,"
            + " 1h, 7d or PT0.1S, got '" + raw.get() + "'");
        return fallback;
      }
    }

    double share(String key, double fallback) {
      Optional<String> raw = s.get(key);
      if (raw.isEmpty()) {
        return fallback;
      }
      try {
        double value = Double.parseDouble(raw.get());
        if (value >= 0 && value <= 1) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(key + " (" + Settings.envName(key) + ") must be a share within 0..1 such as "
          + "0.05, got '" + raw.get() + "'");
      return fallback;
    }

    <T> T valid(java.util.function.Supplier<T> build) {
      try {
        return build.get();
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        return null;
      }
    }
  }
}
