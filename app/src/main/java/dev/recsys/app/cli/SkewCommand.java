package dev.recsys.app.cli;

import dev.recsys.app.config.ConfigException;
import dev.recsys.app.config.RecsysConfig;
import dev.recsys.app.demo.TopicCounts;
import dev.recsys.features.FeaturesApp;
import dev.recsys.features.PipelineLag;
import dev.recsys.features.SkewJob;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.skew.SkewCheck;
import dev.recsys.features.skew.SkewReport;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code recsys skew}: is the online store what the feature code says it should be? */
@Command(
    name = "skew",
    mixinStandardHelpOptions = true,
    description = {
      "Replay every event and compare the result with the online store, feature "
          + "by feature. Exits 0 when they agree, 1 when any feature differs.",
      "Waits first for the feature pipeline to catch up (lag 0)."
    })
final class SkewCommand implements Callable<Integer> {
  @ParentCommand
  private Recsys root;

  @Option(names = "--tolerance", description = "Relative tolerance (default: ${DEFAULT-VALUE}).")
  private double tolerance = SkewCheck.DEFAULT_TOLERANCE;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = TimeConverters.DurationConverter.class,
      description = "How long to wait for the pipeline to catch up (default: 60s).")
  private Duration wait = Duration.ofSeconds(60);

  @Override
  public Integer call() throws InterruptedException {
    RecsysConfig config = root.config();
    KafkaConnection kafka = Connections.kafka(config);
    String redis = config
        .redisUri()
        .orElseThrow(() -> new ConfigException(
            List.of("redis.uri is not set: set REDIS_URI, e.g. redis://localhost:6379")));
    Topics topics = Topics.named(config.topics());
    awaitCaughtUp(kafka, config.featuresApplicationId(), topics);
    SkewReport report;
    try (RedisOnlineStore store =
            RedisOnlineStore.connect(OnlineStoreConfig.of(redis, FeatureSet.CORE_V1));
        Progress progress =
            Progress.of("skew", TopicCounts.records(kafka, topics.events().name()), " events", 1)) {
      report = new SkewJob(kafka, topics, config.intake(), tolerance).run(store, progress::stepTo);
      progress.complete();
    }
    System.out.print(report.table());
    return report.clean() ? 0 : 1;
  }

  private void awaitCaughtUp(KafkaConnection kafka, String applicationId, Topics topics)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      long lag = FeaturesApp.lag(admin, applicationId, topics);
      while (lag != 0 && System.nanoTime() < deadline) {
        Thread.sleep(500);
        lag = FeaturesApp.lag(admin, applicationId, topics);
      }
      if (lag != 0) {
        throw new IllegalStateException("the feature pipeline " + applicationId + " is "
            + (lag == PipelineLag.NOT_STARTED ? "not running" : lag + " records behind")
            + "; start 'recsys features' (or wait longer with --wait) and run the check again");
      }
    }
  }
}
