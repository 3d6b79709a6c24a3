package dev.recsys.app.cli;

import dev.recsys.app.config.RecsysConfig;
import dev.recsys.app.demo.TopicCounts;
import dev.recsys.app.offline.OfflineLoop;
import dev.recsys.candidates.embeddings.AlsParams;
import dev.recsys.embedded.EmbeddedRuntime;
import dev.recsys.features.FeaturesApp;
import dev.recsys.features.FeaturesConfig;
import dev.recsys.features.offline.OfflineConfig;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.TopicProvisioner;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.serving.ServingApp;
import dev.recsys.serving.ServingDeps;
import dev.recsys.serving.ServingRecommendations;
import dev.recsys.serving.features.FeatureRoutes;
import dev.recsys.serving.http.HttpConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code recsys standalone}: your own files to served recommendations in one command. */
@Command(
    name = "standalone",
    mixinStandardHelpOptions = true,
    description = {
      "Your own interaction log, end to end, on the embedded Kafka and Redis: "
          + "loads the files (as recsys ingest does, with the same options), computes the "
          + "features, trains the ranker and the item embeddings, builds the ANN index and serves "
          + "the HTTP API. Everything is kept in --data-dir: started again on the same dir with "
          + "the same files, it serves again without loading them twice.",
      "Example (MovieLens ml-latest-small): recsys standalone --events ratings.csv "
          + "--map user_id=userId,item_id=movieId,value=rating --time-unit seconds "
          + "--type rating --items movies.csv --items-map item_id=movieId,tags=genres "
          + "--data-dir ml-data"
    })
final class StandaloneCommand implements Callable<Integer> {
  private static final Duration FEATURES_TIMEOUT = Duration.ofMinutes(30);

  @ParentCommand
  private Recsys root;

  @Mixin
  private FileLoadOptions files;

  @Option(
      names = "--data-dir",
      required = true,
      paramLabel = "DIR",
      description = "Where topics, features, models and the index are kept.")
  private Path dataDir;

  @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  private int port = 8080;

  @Option(
      names = "--positive",
      split = ",",
      paramLabel = "TYPE",
      description = "Event types the ranker learns to predict (default: the --type, else view).")
  private List<EventType> positives;

  @Option(
      names = "--check",
      description = "Once serving, ask the API for a loaded user's and "
          + "a new user's recommendations over HTTP, print them and exit (non-zero on failure).")
  private boolean check;

  @Option(
      names = "--retrain",
      description = "Rebuild the models and the index even when the " + "data dir holds them.")
  private boolean retrain;

  private final Stopwatch watch = new Stopwatch();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!files.hasEvents()) {
      throw new IllegalArgumentException("recsys standalone needs --events FILE, the "
          + "interaction log (--items FILE is optional)");
    }
    files.checkOptions();
    StandaloneDataDir dir = StandaloneDataDir.open(dataDir);
    boolean load = dir.loaded().isEmpty();
    if (!load && !dir.holds(files.files())) {
      throw new IllegalArgumentException("--data-dir " + dir.path() + " already holds "
          + dir.loaded().get() + "; it loads its files once: pass the same files to serve it "
          + "again, or a new --data-dir for " + StandaloneDataDir.describe(files.files()));
    }
    RecsysConfig config = root.config().withHttp(HttpConfig.onPort(port));
    Topics topics = Topics.named(config.topics());
    Clock clock = Clock.systemUTC();
    say("starting embedded Kafka (KRaft) and Redis with their data in " + dir.path() + " ...");
    try (Shutdown shutdown = Shutdown.hook();
        EmbeddedRuntime runtime = EmbeddedRuntime.startIn(dir.path().resolve("runtime"))) {
      KafkaConnection kafka = runtime.kafka().connection();
      say("Kafka at " + kafka + ", Redis at " + runtime.redis().uri() + " (" + watch.lap() + ")");
      try (Admin admin = Admin.create(kafka.clientConfig())) {
        TopicProvisioner.ensure(admin, topics, config.layout());
      }
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      FeaturesConfig features =
          FeaturesConfig.of(kafka, dir.path().resolve("streams")).withIntake(config.intake());
      try (EventPublisher publisher =
              EventPublisher.create(PublisherConfig.of(kafka), topics, clock);
          RedisOnlineStore store = RedisOnlineStore.connect(
              OnlineStoreConfig.of(runtime.redis().uri(), features.featureSet()))) {
        if (load) {
          say("loading " + StandaloneDataDir.describe(files.files()) + " ...");
          if (!files.load(publisher, config)) {
            say("some rows were rejected (counted above); going on with the rest");
          }
          dir.markLoaded(files.files(), clock.instant());
        } else {
          say("already loaded: " + dir.loaded().get() + "; not loading again");
        }
        try (FeaturesApp pipeline = FeaturesApp.start(
            features,
            topics,
            store,
            Optional.of(OfflineConfig.of(dir.path().resolve("offline"))),
            metrics)) {
          awaitFeatures(pipeline, kafka, topics);
          Path work = dir.path().resolve("models");
          if (retrain || !dir.modelsBuilt()) {
            say("training: replay, ranker, embeddings, ANN index ...");
            new OfflineLoop(
                    kafka,
                    topics,
                    features.featureSet(),
                    config.refusalLimit(),
                    LabelPolicy.DEFAULT.withPositives(positives()),
                    AlsParams.DEFAULT,
                    work,
                    clock)
                .run(StandaloneCommand::say);
            dir.markModelsBuilt(clock.instant());
          } else {
            say("models and index found in " + work + " (--retrain rebuilds them)");
          }
          return serve(
              config, work, store, features, publisher, kafka, topics, metrics, clock, shutdown);
        }
      }
    }
  }

  private int serve(
      RecsysConfig config,
      Path work,
      RedisOnlineStore store,
      FeaturesConfig features,
      EventPublisher publisher,
      KafkaConnection kafka,
      Topics topics,
      PrometheusMeterRegistry metrics,
      Clock clock,
      Shutdown shutdown)
      throws InterruptedException {
    try (ServingRecommendations recommendations = ServingRecommendations.start(
            config.serving().withIndexDir(work.resolve("index")),
            store,
            features.featureSet(),
            ModelRegistry.at(work),
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
      Warmup.await(recommendations.recommender(), StandaloneCommand::say);
      String base = "http://127.0.0.1:" + app.port();
      Optional<String> user = StandaloneCheck.someUser(kafka, topics);
      if (check) {
        List<String> failures = new StandaloneCheck(app.port()).run(user, StandaloneCommand::say);
        failures.forEach(failure -> say("  FAIL  " + failure));
        say(
            failures.isEmpty()
                ? "check passed (" + watch.total() + ")"
                : failures.size() + " check(s) failed");
        return failures.isEmpty() ? 0 : 1;
      }
      say("HTTP API on " + base + " (" + watch.total() + " in all); Ctrl-C to stop");
      say("  curl -s '" + base + "/v1/users/" + user.orElse("USER") + "/recommendations?k=10'");
      say("  KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers()
          + " bin/recsys evaluate --protocol split "
          + "--at TIME --targets TYPE   (while this runs)");
      shutdown.await();
      say("stopping ...");
      return 0;
    }
  }

  private Set<EventType> positives() {
    if (positives != null && !positives.isEmpty()) {
      return EnumSet.copyOf(positives);
    }
    return files.constantType().map(Set::of).orElse(LabelPolicy.DEFAULT_POSITIVES);
  }

  private void awaitFeatures(FeaturesApp pipeline, KafkaConnection kafka, Topics topics)
      throws InterruptedException {
    long events = TopicCounts.records(kafka, topics.events().name());
    say(String.format(
        "computing features of %,d events (Kafka Streams, exactly once) into " + "Redis ...",
        events));
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      FeatureCatchUp.await(pipeline, admin, FEATURES_TIMEOUT);
    }
    say("features are in Redis (" + watch.lap() + ")");
  }

  private static void say(String line) {
    System.out.println("[standalone] " + line);
  }
}
