package dev.recsys.ingest.load;

import dev.recsys.ingest.Ack;
import dev.recsys.schemas.validation.Violation;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts one load's outcomes; acknowledgements arrive on Kafka's I/O thread. */
final class LoadTally {
  private static final Logger log = LoggerFactory.getLogger(LoadTally.class);
  private static final int TOP_REASONS = 5;
  private static final int LOGGED_REJECTIONS = 10;
  private final String kind;
  private final long started = System.nanoTime();
  private long read;
  private long rejected;
  private final AtomicLong loaded = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Map<String, Long> reasons = new ConcurrentHashMap<>();

  LoadTally(String kind) {
    this.kind = kind;
  }

  void read() {
    read++;
  }

  long readCount() {
    return read;
  }

  void reject(long line, List<Violation> violations) {
    rejected++;
    if (rejected <= LOGGED_REJECTIONS) {
      log.warn("line {} rejected: {}", line, violations);
    }
    for (Violation v : violations) {
      reasons.merge(v.field() + ": " + generalize(v.reason()), 1L, Long::sum);
    }
  }

  void sent(CompletableFuture<Ack> ack) {
    ack.whenComplete((ok, error) -> {
      if (error == null) {
        loaded.incrementAndGet();
      } else {
        failed.incrementAndGet();
        reasons.merge("kafka: " + error.getMessage(), 1L, Long::sum);
      }
    });
  }

  LoadSummary summary(EventOrder order) {
    Map<String, Long> top = reasons.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(TOP_REASONS)
        .collect(Collectors.toMap(
            Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    return new LoadSummary(
        kind,
        read,
        loaded.get(),
        rejected,
        failed.get(),
        top,
        order,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** Drops quoted values so that the same kind of problem counts as one reason. */
  private static String generalize(String reason) {
    return reason.replaceAll("'[^']*'", "'…'").replaceAll("\\d{4}-\\d\\d-\\d\\dT\\S+", "…");
  }
}
