package dev.recsys.app.cli;

import dev.recsys.app.config.RecsysConfig;
import dev.recsys.app.demo.PublishingSink;
import dev.recsys.app.demo.SmokeCheck;
import dev.recsys.app.demo.TopicCounts;
import dev.recsys.app.offline.OfflineLoop;
import dev.recsys.embedded.EmbeddedRuntime;
import dev.recsys.features.FeaturesApp;
import dev.recsys.features.FeaturesConfig;
import dev.recsys.features.SkewJob;
import dev.recsys.features.offline.OfflineConfig;
import dev.recsys.features.skew.SkewCheck;
import dev.recsys.features.skew.SkewReport;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.ingest.generate.DatasetGenerator;
import dev.recsys.ingest.generate.DatasetSummary;
import dev.recsys.ingest.generate.GeneratorParams;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.TopicProvisioner;
import dev.recsys.schemas.Topics;
import dev.recsys.serving.ServingApp;
import dev.recsys.serving.ServingDeps;
import dev.recsys.serving.ServingRecommendations;
import dev.recsys.serving.features.FeatureRoutes;
import dev.recsys.serving.http.HttpConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code recsys demo}: the whole loop on the embedded runtime (in-process Kafka and Redis),
 * with the sample data set, serving HTTP on localhost.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Start embedded Kafka and Redis, load the sample data set and serve HTTP.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand
  private Recsys root;

  @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free).")
  private int port = HttpConfig.DEFAULT_PORT;

  @Option(
      names = "--smoke",
      description = "Check the running demo end to end, print a "
          + "summary and exit (non-zero on any failure).")
  private boolean smoke;

  @Mixin
  private DatasetOptions dataset;

  private static final Duration FEATURES_TIMEOUT = Duration.ofMinutes(5);
  private static final List<String> SMOKE_USERS =
      List.of("u00001", "u00002", "u00003", "smoke-user");
  private final Stopwatch watch = new Stopwatch();

  @Override
  public Integer call() throws InterruptedException {
    RecsysConfig config = root.config().withHttp(HttpConfig.onPort(port));
    Topics topics = Topics.named(config.topics());
    Clock clock = Clock.systemUTC();
    say("starting embedded Kafka (KRaft) and Redis ...");
    try (Shutdown shutdown = Shutdown.hook();
        ScratchDir state = ScratchDir.create("recsys-features-");
        EmbeddedRuntime runtime = EmbeddedRuntime.start()) {
      KafkaConnection kafka = runtime.kafka().connection();
      say("Kafka at " + kafka + ", Redis at " + runtime.redis().uri() + " (" + watch.lap() + ")");
      createTopics(kafka, topics, config);
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      FeaturesConfig features =
          FeaturesConfig.of(kafka, state.path().resolve("streams")).withIntake(config.intake());
      OfflineConfig offline = OfflineConfig.of(state.path().resolve("offline"));
      try (EventPublisher publisher =
              EventPublisher.create(PublisherConfig.of(kafka), topics, clock);
          RedisOnlineStore store = RedisOnlineStore.connect(
              OnlineStoreConfig.of(runtime.redis().uri(), features.featureSet()))) {
        DatasetSummary data = publish(publisher, dataset.params());
        try (FeaturesApp pipeline =
                FeaturesApp.start(features, topics, store, Optional.of(offline), metrics);
            Admin admin = admin(kafka)) {
          awaitFeatures(pipeline, admin, data);
          say("running the offline loop: replay, ranker, embeddings, ANN index ...");
          OfflineLoop.Artifacts models = OfflineLoop.forSampleData(
                  kafka,
                  topics,
                  features.featureSet(),
                  config.refusalLimit(),
                  state.path().resolve("loop"),
                  clock)
              .run(DemoCommand::say);
          try (ServingRecommendations recommendations = ServingRecommendations.start(
                  config.serving().withIndexDir(models.indexDir()),
                  store,
                  features.featureSet(),
                  ModelRegistry.at(models.registryRoot()),
                  kafka,
                  topics,
                  metrics,
                  clock);
              ServingApp app = ServingApp.start(
                  config.http(),
                  ServingDeps.ingest(publisher, config.ingest(), metrics, clock)
                      .withFeatures(new FeatureRoutes(store, features.featureSet(), clock))
                      .withRecommendations(recommendations.routes())
                      .withApiKeys(config.apiKeys()))) {
            Warmup.await(recommendations.recommender(), DemoCommand::say);
            say("HTTP API on http://127.0.0.1:" + app.port() + " (" + watch.total() + " in all)");
            if (smoke) {
              return smoke(app.port(), data, kafka, topics, store, config);
            }
            printWalkthrough(app.port(), kafka);
            shutdown.await();
            say("stopping ...");
          }
        }
      }
    }
    return 0;
  }

  private void awaitFeatures(FeaturesApp pipeline, Admin admin, DatasetSummary data)
      throws InterruptedException {
    say("computing features (Kafka Streams, exactly once) into Redis ...");
    FeatureCatchUp.await(pipeline, admin, FEATURES_TIMEOUT);
    String took = watch.lap();
    say(String.format(
        "features of %,d users and %,d items are in Redis (%s for %,d events)",
        data.activeUsers(), data.items(), took, data.events()));
  }

  private static Admin admin(KafkaConnection kafka) {
    return Admin.create(kafka.clientConfig());
  }

  private void createTopics(KafkaConnection kafka, Topics topics, RecsysConfig config) {
    try (Admin admin = admin(kafka)) {
      TopicProvisioner.ensure(admin, topics, config.layout());
    }
  }

  private DatasetSummary publish(EventPublisher publisher, GeneratorParams params) {
    say("generating and publishing the sample data set (" + params.users() + " users, "
        + params.items() + " items, " + params.days() + " days, seed " + params.seed() + ") ...");
    PublishingSink sink = new PublishingSink(publisher);
    DatasetSummary summary;
    try (Progress progress = Progress.of("publish", params.estimatedEvents(), " events", 1)) {
      summary = new DatasetGenerator().generate(params, sink, progress::stepTo);
      progress.complete();
    }
    long acked = sink.awaitAcknowledged();
    say(String.format(
        "published %,d items and %,d events, all acknowledged (%s)",
        summary.items(), summary.events(), watch.lap()));
    if (acked != summary.items() + summary.events()) {
      throw new IllegalStateException("published " + (summary.items() + summary.events())
          + " records but Kafka acknowledged " + acked);
    }
    return summary;
  }

  private int smoke(
      int httpPort,
      DatasetSummary data,
      KafkaConnection kafka,
      Topics topics,
      RedisOnlineStore store,
      RecsysConfig config) {
    SmokeCheck check = new SmokeCheck(httpPort);
    check.run(data.events(), () -> TopicCounts.records(kafka, topics.events().name()));
    List<String> failures = new ArrayList<>(check.recommendations(SMOKE_USERS));
    SkewReport skew = new SkewJob(kafka, topics, config.intake(), SkewCheck.DEFAULT_TOLERANCE)
        .run(store, read -> {});
    String skewLine = String.format(
        "skew: online store vs replay for %,d users and %,d items", skew.users(), skew.items());
    if (skew.clean()) {
      say("  ok    " + skewLine + ": no feature differs");
    } else {
      failures.add(skewLine + ":\n" + skew.table());
    }
    check.passed().forEach(line -> say("  ok    " + line));
    failures.forEach(line -> say("  FAIL  " + line));
    say(
        failures.isEmpty()
            ? "smoke test passed (" + watch.total() + ")"
            : failures.size() + " smoke check(s) failed");
    return failures.isEmpty() ? 0 : 1;
  }

  private static void printWalkthrough(int httpPort, KafkaConnection kafka) {
    String base = "http://127.0.0.1:" + httpPort;
    System.out.println();
    System.out.println("Try it (Ctrl-C to stop):");
    System.out.println("  curl -s " + base + "/healthz");
    System.out.println("  curl -s '" + base + "/v1/users/u00001/recommendations?k=5'");
    System.out.println("  curl -s '" + base + "/v1/users/u00001/recommendations?k=2&explain=true'");
    System.out.println("  curl -s '" + base + "/v1/items/i00042/similar?k=5'");
    System.out.println(
        "  curl -s -X POST " + base + "/v1/events -H 'Content-Type: application/json'"
            + " -d '[{\"user_id\":\"u00001\",\"item_id\":\"i00042\",\"type\":\"click\","
            + "\"timestamp\":\"2026-11-01T12:00:00Z\"}]'");
    System.out.println("  curl -s " + base + "/v1/users/u00001/features");
    System.out.println("  curl -s " + base + "/v1/items/i00042/features");
    System.out.println("  curl -s " + base + "/metrics | grep recsys_");
    System.out.println(
        "  KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers() + " bin/recsys dlq list");
  }

  private static void say(String line) {
    System.out.println("[demo] " + line);
  }
}
