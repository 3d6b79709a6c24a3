package dev.recsys.benchmarks.features;

import dev.recsys.app.demo.PublishingSink;
import dev.recsys.benchmarks.BenchTopics;
import dev.recsys.embedded.EmbeddedRuntime;
import dev.recsys.features.FeaturesApp;
import dev.recsys.features.FeaturesConfig;
import dev.recsys.features.PipelineLag;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.ingest.generate.DatasetGenerator;
import dev.recsys.ingest.generate.GeneratorParams;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Events/s from the events topic to Redis with exactly once on: the sample data set is published
 * first, then the pipeline starts and the clock runs until every event's features are in Redis.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.recsys.benchmarks.features.FeaturesThroughput \
 *     --users 10000
 * </pre>
 */
@Command(name = "features-throughput", mixinStandardHelpOptions = true)
public final class FeaturesThroughput implements Callable<Integer> {
  @Option(names = "--users", description = "Users in the data set (default: ${DEFAULT-VALUE}).")
  private int users = 10_000;

  @Option(names = "--threads", description = "Stream threads (default: ${DEFAULT-VALUE}).")
  private int threads = 1;

  @Option(
      names = "--warm-after",
      description = "Seconds after which the run counts as warm: "
          + "the warm rate is the events left then over the time to finish (default: "
          + "${DEFAULT-VALUE}).")
  private int warmAfter = 20;

  @Option(
      names = "--set",
      description = "A Kafka Streams setting for the pipeline, e.g. "
          + "commit.interval.ms=200 (repeatable).")
  private Map<String, String> settings = new java.util.HashMap<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new FeaturesThroughput()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path state = Files.createTempDirectory("bench-features-");
    try (EmbeddedRuntime runtime = EmbeddedRuntime.start()) {
      KafkaConnection bootstrap = runtime.kafka().connection();
      Topics topics = BenchTopics.create(bootstrap, Topics.named(TopicNames.DEFAULT));
      try (Admin admin = Admin.create(bootstrap.clientConfig())) {
        long events = publish(bootstrap, topics);
        FeaturesConfig config =
            FeaturesConfig.of(bootstrap, state).withThreads(threads).withOverrides(settings);
        try (RedisOnlineStore store = RedisOnlineStore.connect(
                OnlineStoreConfig.of(runtime.redis().uri(), config.featureSet()));
            FeaturesApp app = FeaturesApp.start(config, topics, store, new SimpleMeterRegistry())) {
          long started = System.nanoTime();
          long cpuAtStart = processCpuNanos();
          long warmAt = 0;
          long leftWhenWarm = events;
          long cpuWhenWarm = cpuAtStart;
          StringBuilder timeline = new StringBuilder();
          long nextMark = started;
          while (app.lag(admin) > 0 || app.lag(admin) > 0) {
            long now = System.nanoTime();
            if (now >= nextMark) {
              long left =
                  PipelineLag.of(admin, config.applicationId(), topics.events().name());
              timeline.append(
                  String.format(" %ds:%d", (now - started) / 1_000_000_000L, events - left));
              if (warmAt == 0 && now - started >= warmAfter * 1_000_000_000L) {
                warmAt = now;
                leftWhenWarm = left;
                cpuWhenWarm = processCpuNanos();
              }
              nextMark += 5_000_000_000L;
            }
            Thread.sleep(100);
          }
          long finished = System.nanoTime();
          double seconds = (finished - started) / 1e9;
          double cpuSeconds = (processCpuNanos() - cpuAtStart) / 1e9;
          System.out.printf(
              "events=%d threads=%d seconds=%.1f events_per_s=%.0f "
                  + "cpu_seconds=%.1f cpu_us_per_event=%.1f "
                  + "(Kafka Streams exactly_once_v2, user + item features, Redis writes)%n",
              events, threads, seconds, events / seconds, cpuSeconds, cpuSeconds * 1e6 / events);
          if (warmAt > 0) {
            double warmSeconds = (finished - warmAt) / 1e9;
            System.out.printf(
                "warm (after %d s): events=%d seconds=%.1f events_per_s=%.0f "
                    + "cpu_us_per_event=%.1f%n",
                warmAfter,
                leftWhenWarm,
                warmSeconds,
                leftWhenWarm / warmSeconds,
                (processCpuNanos() - cpuWhenWarm) / 1e3 / Math.max(1, leftWhenWarm));
          }
          System.out.println("events consumed by time:" + timeline);
          System.out.printf("cpu_us_per_event by thread: %s%n", threadCpu(events));
        }
      }
    }
    return 0;
  }

  /** CPU time of this JVM (pipeline, broker and load alike; Redis runs in its own process). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU per event of the pipeline's busiest threads (stream threads, online-store writer). */
  private static String threadCpu(long events) {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> byName = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo info : threads.dumpAllThreads(false, false)) {
      String name = info.getThreadName()
          .replaceAll("^recsys-features-[0-9a-f-]+-", "")
          .replaceAll("\\d+", "N");
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu > 0) {
        byName.merge(name, cpu, Long::sum);
      }
    }
    StringBuilder out = new StringBuilder();
    byName.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(6)
        .forEach(
            e -> out.append(String.format("%s=%.1f ", e.getKey(), e.getValue() / 1e3 / events)));
    return out.toString().trim();
  }

  private long publish(KafkaConnection bootstrap, Topics topics) {
    try (EventPublisher publisher =
        EventPublisher.create(PublisherConfig.of(bootstrap), topics, Clock.systemUTC())) {
      PublishingSink sink = new PublishingSink(publisher);
      long events = new DatasetGenerator()
          .generate(GeneratorParams.DEFAULT.withUsers(users), sink)
          .events();
      sink.awaitAcknowledged();
      return events;
    }
  }
}
