package dev.recsys.benchmarks.features;

import dev.recsys.benchmarks.BenchTopics;
import dev.recsys.embedded.EmbeddedRuntime;
import dev.recsys.features.FeaturesApp;
import dev.recsys.features.FeaturesConfig;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Freshness at a steady load: background events at {@code --rate} per second while, ten times a
 * second, a probe event for a new user is published and Redis is polled (every millisecond) until
 * that user's vector appears. Prints p50/p99/max from publish to visible.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.recsys.benchmarks.features.FeaturesFreshness \
 *     --rate 5000 --seconds 30
 * </pre>
 */
@Command(name = "features-freshness", mixinStandardHelpOptions = true)
public final class FeaturesFreshness implements Callable<Integer> {
  @Option(names = "--rate", description = "Background events/s (default: ${DEFAULT-VALUE}).")
  private int rate = 5_000;

  @Option(names = "--seconds", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  private int seconds = 30;

  @Option(
      names = "--warmup",
      description = "Seconds of load before probes count: the JIT and "
          + "the pipeline's first commits (default: ${DEFAULT-VALUE}).")
  private int warmup = 0;

  @Option(
      names = "--set",
      description = "A Kafka Streams setting for the pipeline, e.g. "
          + "commit.interval.ms=200 (repeatable).")
  private Map<String, String> settings = new java.util.HashMap<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new FeaturesFreshness()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path state = Files.createTempDirectory("bench-freshness-");
    try (EmbeddedRuntime runtime = EmbeddedRuntime.start()) {
      KafkaConnection bootstrap = runtime.kafka().connection();
      Topics topics = BenchTopics.create(bootstrap, Topics.named(TopicNames.DEFAULT));
      FeaturesConfig config = FeaturesConfig.of(bootstrap, state).withOverrides(settings);
      try (EventPublisher publisher =
              EventPublisher.create(PublisherConfig.of(bootstrap), topics, Clock.systemUTC());
          RedisOnlineStore store = RedisOnlineStore.connect(
              OnlineStoreConfig.of(runtime.redis().uri(), config.featureSet()));
          FeaturesApp app = FeaturesApp.start(config, topics, store, new SimpleMeterRegistry())) {
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        int perTick = Math.max(1, rate / 100);
        load.scheduleAtFixedRate(
            () -> {
              for (int i = 0; i < perTick; i++) {
                long n = sent.incrementAndGet();
                publisher.send(event("bg-u" + n % 50_000, "i" + n % 5_000, EventType.VIEW));
              }
            },
            0,
            10,
            TimeUnit.MILLISECONDS);
        probe(publisher, store, -1, new ArrayList<>());
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        for (int p = 0; System.nanoTime() < warm; p++) {
          probe(publisher, store, -2 - p, new ArrayList<>());
          Thread.sleep(100);
        }
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int p = 0; System.nanoTime() < end; p++) {
          probe(publisher, store, p, latencies);
          Thread.sleep(100);
        }
        load.shutdownNow();
        report(latencies, sent.get());
      }
    }
    return 0;
  }

  private static void probe(
      EventPublisher publisher, RedisOnlineStore store, int n, List<Long> latencies)
      throws InterruptedException {
    String user = "probe-" + n + "-" + System.nanoTime();
    long started = System.nanoTime();
    publisher.send(event(user, "i1", EventType.CLICK));
    while (store.read(user, List.of()).user().isEmpty()) {
      Thread.sleep(1);
      if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(30)) {
        throw new IllegalStateException("probe " + user + " not visible after 30 s");
      }
    }
    latencies.add((System.nanoTime() - started) / 1_000_000);
  }

  private static UserEvent event(String user, String item, EventType type) {
    return UserEvent.newBuilder()
        .setEventId(user + "-" + System.nanoTime())
        .setUserId(user)
        .setItemId(item)
        .setType(type)
        .setTimestamp(Instant.now())
        .build();
  }

  private void report(List<Long> latencies, long background) {
    List<Long> sorted = latencies.stream().sorted().toList();
    System.out.printf(
        "rate=%d events/s (sent %d in %d s, probes counted after the first %d s) "
            + "probes=%d freshness_ms p50=%d p99=%d max=%d%n",
        rate,
        background,
        warmup + seconds,
        warmup,
        sorted.size(),
        sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
        sorted.get(sorted.size() - 1));
  }
}
