package dev.recsys.ingest.load;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * The end of a load: rows read, loaded (acknowledged by Kafka), rejected by the contract (with
 * the most frequent reasons and their counts), failed in Kafka, and how the file's events were
 * ordered.
 */
public record LoadSummary(
    String kind,
    long read,
    long loaded,
    long rejected,
    long failed,
    Map<String, Long> topReasons,
    EventOrder order,
    Duration took) {
  public LoadSummary {
    topReasons = Map.copyOf(topReasons);
    requireNonNull(order, "order");
  }

  public double perSecond() {
    double seconds = Math.max(took.toNanos(), 1) / 1e9;
    return loaded / seconds;
  }
}
