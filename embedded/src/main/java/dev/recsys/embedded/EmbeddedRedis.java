package dev.recsys.embedded;

import dev.recsys.embedded.internal.Cleanup;
import dev.recsys.embedded.internal.Loopback;
import dev.recsys.embedded.internal.RedisBinary;
import dev.recsys.embedded.internal.Stopwatch;
import dev.recsys.embedded.internal.TempDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.exceptions.EmbeddedRedisException;

/**
 * A real redis-server 7.0.15 child process (from {@code org.signal:embedded-redis}) bound to 127.0.0.1 on a free
 * port. {@link #start()} persists nothing (no RDB snapshots, no AOF), so a restart starts empty; {@link #startIn}
 * keeps an append-only file in the directory it is given. Tests may {@link #stop()} it and
 * {@link #restart()} it on the same port to exercise degraded serving.
 *
 * <p>A JVM shutdown hook stops the process if {@link #close()} is never called; a JVM killed with -9 runs no hooks
 * and leaves redis-server running, so crash tests must stop it themselves.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

  private final RedisServer server;
  private final int port;
  private final Path dataDir;
  private final boolean kept;
  private final Thread closeOnExit;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedRedis(RedisServer server, int port, Path dataDir, boolean kept) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
    this.kept = kept;
    this.closeOnExit = new Thread(this::close, "embedded-redis-close-on-exit-" + port);
  }

  /** Starts redis-server on a free loopback port and returns once it accepts connections. */
  public static EmbeddedRedis start() {
    return start(TempDirectory.create("recsys-redis-"), false);
  }

  /**
   * Starts redis-server with its data in {@code dir}, kept after {@link #close()}: an append-only file (fsync every
   * second) that the next start on the same directory loads, so features survive a restart.
   */
  public static EmbeddedRedis startIn(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Redis data directory " + dir, e);
    }
    return start(dir.toAbsolutePath(), true);
  }

  private static EmbeddedRedis start(Path dataDir, boolean kept) {
    Stopwatch stopwatch = Stopwatch.start();
    int port = Loopback.freePorts(1).get(0);
    EmbeddedRedis redis;
    try {
      redis = new EmbeddedRedis(newServer(dataDir, port, kept), port, dataDir, kept);
    } catch (RuntimeException e) {
      throw kept ? e : Cleanup.after(e, () -> TempDirectory.delete(dataDir));
    }
    Runtime.getRuntime().addShutdownHook(redis.closeOnExit);
    try {
      redis.startProcess();
    } catch (RuntimeException e) {
      throw Cleanup.after(e, redis::close);
    }
    log.info("embedded Redis ready on {} in {} ms", redis.uri(), stopwatch.elapsedMillis());
    return redis;
  }

  public int port() {
    return port;
  }

  /** {@code "redis://127.0.0.1:port"}. */
  public String uri() {
    return "redis://" + Loopback.HOST + ":" + port;
  }

  /** The temp directory holding the redis-server binary and its working files; {@link #close()} deletes it. */
  public Path dataDir() {
    return dataDir;
  }

  public boolean isRunning() {
    return server.isActive();
  }

  /** Stops the process; clients get connection errors until {@link #restart()}. Stopping twice is fine. */
  public void stop() {
    server.stop();
    log.info("embedded Redis on port {} stopped", port);
  }

  /** Starts the process again on the same port, stopping it first if it runs. It starts empty. */
  public void restart() {
    if (closed.get()) {
      throw new IllegalStateException(
          "embedded Redis on port " + port + " is closed; start a new one");
    }
    if (server.isActive()) {
      server.stop();
    }
    startProcess();
    log.info("embedded Redis restarted on {}", uri());
  }

  /** Stops the process and deletes its directory. Calling it again does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(closeOnExit);
    } catch (IllegalStateException shutdownInProgress) {
      // The JVM is exiting, possibly in this very hook: nothing left to unregister.
    }
    try {
      server.stop();
    } finally {
      if (!kept) {
        TempDirectory.delete(dataDir);
      }
    }
    log.info("embedded Redis on port {} closed", port);
  }

  private static RedisServer newServer(Path dataDir, int port, boolean kept) {
    return RedisServer.builder()
        .redisExecProvider(RedisBinary.installInto(dataDir))
        .bind(Loopback.HOST)
        .port(port)
        .setting("dir \"" + dataDir + "\"")
        .setting("save \"\"")
        .setting(kept ? "appendonly yes" : "appendonly no")
        .setting("appendfsync everysec")
        .build();
  }

  private void startProcess() {
    try {
      server.start();
    } catch (EmbeddedRedisException e) {
      throw new IllegalStateException(
          "embedded Redis did not start on port " + port + "; is another process using it?", e);
    }
  }
}
