package dev.recsys.app.cli;

import dev.recsys.app.config.ConfigException;
import dev.recsys.app.config.RecsysConfig;
import dev.recsys.app.offline.BatchScoring;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.serving.ServingRecommendations;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code recsys batch-score}: the serving pipeline for many users at once, into Parquet. */
@Command(
    name = "batch-score",
    mixinStandardHelpOptions = true,
    description = {
      "Recommend for every user in a file (one id per line) or for all users in "
          + "the online store, with the serving pipeline (no HTTP, no impressions), in parallel.",
      "Writes DIR/recommendations.parquet: user_id, rank, item_id, score, sources, "
          + "model_version, degraded, scored_at_ms."
    })
final class BatchScoreCommand implements Callable<Integer> {
  /** A batch is not latency-bound: give every stage time rather than degrade it. */
  static final Duration DEADLINE = Duration.ofSeconds(10);

  @ParentCommand
  private Recsys root;

  @Mixin
  private RegistryOption registry;

  @Option(
      names = "--users",
      required = true,
      paramLabel = "FILE|all",
      description = "A file of user ids, one per line, or 'all'.")
  private String users;

  @Option(names = "--k", description = "Items per user (default: ${DEFAULT-VALUE}).")
  private int k = 50;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  private Path out;

  @Option(names = "--threads", description = "Workers (default: cores x 2).")
  private int threads = Runtime.getRuntime().availableProcessors() * 2;

  @Override
  public Integer call() throws IOException, InterruptedException {
    RecsysConfig config = root.config();
    KafkaConnection kafka = Connections.kafka(config);
    String redis = config
        .redisUri()
        .orElseThrow(() -> new ConfigException(
            List.of("redis.uri is not set: set REDIS_URI, e.g. redis://localhost:6379")));
    try (RedisOnlineStore store =
            RedisOnlineStore.connect(OnlineStoreConfig.of(redis, FeatureSet.CORE_V1));
        ServingRecommendations recommendations = ServingRecommendations.start(
            config.serving().withDeadline(DEADLINE),
            store,
            FeatureSet.CORE_V1,
            ModelRegistry.at(registry.root()),
            kafka,
            Topics.named(config.topics()),
            new SimpleMeterRegistry(),
            Clock.systemUTC(),
            false)) {
      List<String> ids = userIds(store);
      BatchScoring.Summary summary;
      try (Progress progress = Progress.of("batch-score", ids.size(), " users", 1)) {
        summary = new BatchScoring(recommendations.recommender(), k, threads)
            .run(ids, out, progress::stepTo);
      }
      System.out.printf(
          "scored %,d users (%,d rows, %,d degraded) in %.1f s: %,.0f users/s "
              + "with %d workers; wrote %s%n",
          summary.users(),
          summary.rows(),
          summary.degraded(),
          summary.took().toMillis() / 1e3,
          summary.usersPerSecond(),
          threads,
          out.resolve(BatchScoring.FILE));
      return 0;
    }
  }

  private List<String> userIds(RedisOnlineStore store) throws IOException {
    if (users.equals("all")) {
      List<String> ids = new ArrayList<>();
      store.forEachUserId(ids::add);
      return ids;
    }
    return Files.readAllLines(Path.of(users), StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }
}
