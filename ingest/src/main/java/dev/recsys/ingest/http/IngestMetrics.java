package dev.recsys.ingest.http;

import dev.recsys.ingest.batch.BatchResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Ingest counters, tagged by record kind and outcome (never by id). */
public final class IngestMetrics {
  public static final String RECORDS = "recsys.ingest.records";
  private final Counter accepted;
  private final Counter rejected;
  private final Counter failed;

  public IngestMetrics(MeterRegistry registry, String kind) {
    this.accepted = counter(registry, kind, "accepted");
    this.rejected = counter(registry, kind, "rejected");
    this.failed = counter(registry, kind, "failed");
  }

  void record(BatchResult result) {
    accepted.increment(result.accepted());
    rejected.increment(
        result.rejected().stream().mapToInt(r -> r.index()).distinct().count());
    failed.increment(result.failed().size());
  }

  private static Counter counter(MeterRegistry registry, String kind, String outcome) {
    return Counter.builder(RECORDS)
        .tag("kind", kind)
        .tag("outcome", outcome)
        .description("records received over HTTP by outcome")
        .register(registry);
  }
}
