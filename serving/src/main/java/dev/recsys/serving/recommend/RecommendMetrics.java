package dev.recsys.serving.recommend;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Names, tags and meters of the request path. Tags are low-cardinality: stage, source, what. */
public final class RecommendMetrics {
  public static final String STAGE = "recsys.serving.stage";
  public static final String CANDIDATES = "recsys.serving.candidates";
  public static final String DEGRADED = "recsys.serving.degraded";
  public static final String IMPRESSIONS_DROPPED = "recsys.serving.impressions.dropped";
  public static final String IMPRESSIONS_SENT = "recsys.serving.impressions.sent";
  public static final String TAG_STAGE = "stage";
  public static final String TAG_SOURCE = "source";
  public static final String TAG_WHAT = "what";

  private final MeterRegistry registry;

  public RecommendMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void stage(String stage, long nanos) {
    Timer.builder(STAGE)
        .tag(TAG_STAGE, stage)
        .publishPercentileHistogram()
        .description("time spent in each stage of a recommendation request")
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  void candidates(String source, int count) {
    DistributionSummary.builder(CANDIDATES)
        .tag(TAG_SOURCE, source)
        .description("candidates proposed per request by source")
        .register(registry)
        .record(count);
  }

  void degraded(String what) {
    String tag = what.startsWith(Degraded.CANDIDATES_PREFIX) ? "candidates" : what;
    Counter.builder(DEGRADED)
        .tag(TAG_WHAT, tag)
        .description("requests answered with a degraded stage")
        .register(registry)
        .increment();
  }

  /** Counts an impression the buffer had no room for. */
  public void impressionDropped() {
    Counter.builder(IMPRESSIONS_DROPPED)
        .description("impressions not logged because the buffer was full")
        .register(registry)
        .increment();
  }

  /** Counts impressions handed to Kafka. */
  public void impressionsSent(int count) {
    Counter.builder(IMPRESSIONS_SENT)
        .description("impressions handed to the producer")
        .register(registry)
        .increment(count);
  }
}
