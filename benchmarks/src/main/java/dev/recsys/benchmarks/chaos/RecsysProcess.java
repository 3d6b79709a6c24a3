package dev.recsys.benchmarks.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code recsys} subcommand in a child JVM of its own, on this JVM's class path (the benchmarks
 * jar holds the whole application), with its configuration in the environment and its output in
 * a log file. It can be killed with SIGKILL, as a crashed process would die.
 */
final class RecsysProcess implements AutoCloseable {
  private final String name;
  private final List<String> command;
  private final Map<String, String> env;
  private final Path log;
  private Process process;

  private RecsysProcess(String name, List<String> command, Map<String, String> env, Path log) {
    this.name = name;
    this.command = command;
    this.env = env;
    this.log = log;
  }

  /** Starts {@code recsys args...}; {@code env} holds its settings ({@code REDIS_URI} ...). */
  static RecsysProcess start(
      String name, List<String> args, Map<String, String> env, Path logDir, List<String> jvm) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvm);
    command.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.recsys");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.recsys.app.cli.Recsys");
    command.addAll(args);
    RecsysProcess child = new RecsysProcess(
        name, List.copyOf(command), Map.copyOf(env), logDir.resolve(name + ".log"));
    child.launch();
    return child;
  }

  private void launch() {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /** Starts the same command again (after {@link #kill()} or an exit), appending to its log. */
  void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
    }
    launch();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. Waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean alive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /**
   * Polls {@code url} until it answers 200; fails naming the log if the process exits or {@code
   * timeout} passes.
   *
   * @return how long it took
   */
  Duration awaitOk(URI url, Duration timeout) throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long start = System.nanoTime();
    long end = start + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before "
            + url + " answered; see " + log);
      }
      try {
        HttpResponse<Void> answer = http.send(
            HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        name + ": " + url + " did not answer 200 within " + timeout.toSeconds() + " s; see " + log);
  }

  /** SIGTERM, then SIGKILL if it has not exited within 20 s. */
  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
