package dev.recsys.serving.rerank;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rules read from a JSON file and read again whenever its modification time changes (polled).
 * A file that stops parsing is logged and the rules in force stay; a missing file means
 * {@link RerankRules#DEFAULT}.
 */
public final class RulesFile implements Supplier<RerankRules>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RulesFile.class);
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);

  private final Path path;
  private final AtomicReference<RerankRules> current = new AtomicReference<>(RerankRules.DEFAULT);
  private final ScheduledExecutorService poller;
  private FileTime seen = FileTime.fromMillis(Long.MIN_VALUE);

  private RulesFile(Path path) {
    this.path = path;
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "rules-watch");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Reads {@code path} now and every {@code poll} after.
   *
   * @throws IllegalArgumentException if the file exists but its rules are invalid
   */
  public static RulesFile watch(Path path, Duration poll) {
    RulesFile file = new RulesFile(requireNonNull(path, "serving.rules"));
    file.reload();
    long every = poll.toMillis();
    file.poller.scheduleWithFixedDelay(file::poll, every, every, TimeUnit.MILLISECONDS);
    return file;
  }

  @Override
  public RerankRules get() {
    return current.get();
  }

  /** Reads the file again if it changed; returns whether new rules are in force. */
  public synchronized boolean reload() {
    try {
      if (!Files.exists(path)) {
        return false;
      }
      FileTime modified = Files.getLastModifiedTime(path);
      if (modified.equals(seen)) {
        return false;
      }
      seen = modified;
      RerankRules rules = RulesParser.parse(Files.readString(path));
      current.set(rules);
      log.info("re-ranking rules from {}: {}", path, rules.names());
      return true;
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read rules file " + path + "; check serving.rules (SERVING_RULES)", e);
    }
  }

  private void poll() {
    try {
      reload();
    } catch (RuntimeException e) {
      log.error(
          "keeping the rules in force: {} is invalid; fix the file and save it again", path, e);
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
