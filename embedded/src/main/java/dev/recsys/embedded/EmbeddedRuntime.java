package dev.recsys.embedded;

import dev.recsys.embedded.internal.Cleanup;
import dev.recsys.embedded.internal.Stopwatch;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kafka and Redis together, started in parallel: what the default run and the integration tests need. */
public final class EmbeddedRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRuntime.class);

  private final EmbeddedKafka kafka;
  private final EmbeddedRedis redis;

  private EmbeddedRuntime(EmbeddedKafka kafka, EmbeddedRedis redis) {
    this.kafka = kafka;
    this.redis = redis;
  }

  /** Starts Kafka on its own thread and Redis on this one; if either fails, the other is closed. */
  public static EmbeddedRuntime start() {
    return start(EmbeddedKafka::start, EmbeddedRedis::start);
  }

  /** Both with their data kept in {@code dir} ({@code kafka/}, {@code redis/}): a restart finds it again. */
  public static EmbeddedRuntime startIn(Path dir) {
    return start(
        () -> EmbeddedKafka.startIn(dir.resolve("kafka")),
        () -> EmbeddedRedis.startIn(dir.resolve("redis")));
  }

  private static EmbeddedRuntime start(
      Supplier<EmbeddedKafka> startKafka, Supplier<EmbeddedRedis> startRedis) {
    Stopwatch stopwatch = Stopwatch.start();
    CompletableFuture<EmbeddedKafka> kafka =
        CompletableFuture.supplyAsync(startKafka, EmbeddedRuntime::onStarterThread);
    EmbeddedRedis redis = startRedis(kafka, startRedis);
    EmbeddedRuntime runtime = new EmbeddedRuntime(awaitKafka(kafka, redis), redis);
    log.info(
        "embedded runtime ready in {} ms: Kafka on {}, Redis on {}",
        stopwatch.elapsedMillis(),
        runtime.kafka.bootstrapServers(),
        runtime.redis.uri());
    return runtime;
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  public EmbeddedRedis redis() {
    return redis;
  }

  /** Closes Kafka, then Redis, even if closing Kafka fails. */
  @Override
  public void close() {
    try {
      kafka.close();
    } finally {
      redis.close();
    }
  }

  private static EmbeddedRedis startRedis(
      CompletableFuture<EmbeddedKafka> kafka, Supplier<EmbeddedRedis> start) {
    try {
      return start.get();
    } catch (RuntimeException e) {
      throw Cleanup.after(e, () -> kafka.join().close());
    }
  }

  private static EmbeddedKafka awaitKafka(
      CompletableFuture<EmbeddedKafka> kafka, EmbeddedRedis redis) {
    try {
      return kafka.join();
    } catch (CompletionException e) {
      RuntimeException failure = e.getCause() instanceof RuntimeException cause ? cause : e;
      throw Cleanup.after(failure, redis::close);
    }
  }

  private static void onStarterThread(Runnable task) {
    Thread starter = new Thread(task, "embedded-kafka-starter");
    starter.setDaemon(true);
    starter.start();
  }
}
