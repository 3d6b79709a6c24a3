package dev.recsys.benchmarks.chaos;

import dev.recsys.app.demo.PublishingSink;
import dev.recsys.benchmarks.chaos.Verdict.Check;
import dev.recsys.benchmarks.serving.OpenLoopHttp;
import dev.recsys.benchmarks.serving.RecommendLoad;
import dev.recsys.features.skew.SkewReport;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.ingest.generate.DatasetGenerator;
import dev.recsys.ingest.generate.DatasetSink;
import dev.recsys.ingest.generate.DatasetSummary;
import dev.recsys.ingest.generate.GeneratorParams;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The online store failing under a steady load of recommendations: Redis made slow, then cut off
 * (connections dropped and refused, through the proxy), then the redis-server process stopped
 * while new events arrive, and restarted. Recommendations must keep answering within the
 * deadline, saying what degraded, and be whole again once Redis is back; the feature writer must
 * resume and leave the online store equal to a replay of every event (nothing lost, nothing
 * applied twice).
 */
final class RedisFaults {
  private static final Duration DEADLINE = Duration.ofMillis(100);
  private static final Duration ADDED_LATENCY = Duration.ofMillis(20);
  private static final Duration SETTLE = Duration.ofSeconds(3);
  private static final Duration CATCH_UP = Duration.ofMinutes(3);

  private final Fixture fixture;
  private final int phaseSeconds;
  private final Consumer<String> say;

  RedisFaults(Fixture fixture, int phaseSeconds, Consumer<String> say) {
    this.fixture = fixture;
    this.phaseSeconds = phaseSeconds;
    this.say = say;
  }

  /** {@code refused} names why the server refused requests with 503 ({@code in_flight 1}). */
  private record Phase(String name, OpenLoopHttp.Result result, String refused, boolean faulty) {}

  Verdict run(int capacity) throws Exception {
    int rate = Math.max(10, capacity / 4);
    List<Phase> phases = new ArrayList<>();
    DatasetSummary during;
    try (OpenLoopHttp load = new OpenLoopHttp(
        new InetSocketAddress("127.0.0.1", fixture.httpPort), 64, RecommendLoad::degraded)) {
      phases.add(measure(load, rate, "healthy", false));
      fixture.redisProxy.latency(ADDED_LATENCY);
      phases.add(measure(load, rate, "+" + ADDED_LATENCY.toMillis() + " ms each way", true));
      fixture.redisProxy.down();
      phases.add(measure(load, rate, "cut off (connections dropped)", true));
      fixture.redisProxy.heal();
      Thread.sleep(SETTLE.toMillis());
      phases.add(measure(load, rate, "healed", false));
      fixture.redis.stop();
      during = publishMore();
      phases.add(measure(load, rate, "redis-server stopped, events arriving", true));
      fixture.redis.restart();
      Thread.sleep(SETTLE.toMillis());
      phases.add(measure(load, rate, "redis-server restarted", false));
    } finally {
      fixture.redisProxy.heal();
      if (!fixture.redis.isRunning()) {
        fixture.redis.restart();
      }
    }
    long caughtUpMs = fixture.awaitFeatures(CATCH_UP);
    SkewReport skew = fixture.skew();
    List<Check> checks = new ArrayList<>();
    for (Phase phase : phases) {
      OpenLoopHttp.Result r = phase.result();
      double degradedShare = (double) r.flagged() / Math.max(1, r.ok());
      boolean withinDeadline = r.errors() == 0 && r.millis(0.99) <= DEADLINE.toMillis();
      boolean honest = phase.faulty() ? r.flagged() > 0 : degradedShare <= 0.01;
      checks.add(new Check(
          "Redis " + phase.name() + ": every request answered within the deadline (p99), "
              + (phase.faulty() ? "answers tagged degraded" : "whole again (≤ 1 % degraded)"),
          String.format(
              "%,d of %,d answered, %d errors%s, p99 %.1f ms, %.1f %% degraded",
              r.ok(),
              r.sent(),
              r.errors(),
              phase.refused().isEmpty() ? "" : " (503: " + phase.refused() + ")",
              r.millis(0.99),
              100 * degradedShare),
          withinDeadline && honest));
    }
    checks.add(new Check(
        "the feature writer resumes after the restart",
        caughtUpMs >= 0
            ? String.format(
                "%,d events published while Redis was down; all in Redis %.1f s after the restart",
                during.events(), caughtUpMs / 1e3)
            : "still behind after " + CATCH_UP.toMinutes() + " min",
        caughtUpMs >= 0));
    checks.add(new Check(
        "the online store equals a replay of every event: nothing lost, nothing applied twice",
        String.format(
            "%,d users and %,d items compared, %s",
            skew.users(),
            skew.items(),
            skew.clean() ? "none differs" : "differences:\n" + skew.table()),
        skew.clean()));
    return new Verdict(
        "Redis slow, cut off, stopped",
        String.format(
            "%,d recommendations/s throughout; +%d ms each way, connections cut (%s), "
                + "redis-server stopped and restarted",
            rate, ADDED_LATENCY.toMillis(), fixture.redisProxy.counts()),
        checks);
  }

  private Phase measure(OpenLoopHttp load, int rate, String name, boolean faulty) throws Exception {
    Map<String, Double> shedBefore = shedByReason();
    OpenLoopHttp.Result result = load.run(rate, phaseSeconds, fixture.recommendationPaths(11));
    String refused = refused(shedBefore, shedByReason());
    say.accept(String.format(
        "  Redis %s: %,d/%,d answered, %d errors%s%s, p99 %.1f ms, %,d degraded",
        name,
        result.ok(),
        result.sent(),
        result.errors(),
        result.errors() > 0 ? " (first: " + result.firstError() + ")" : "",
        refused.isEmpty() ? "" : ", 503 by reason: " + refused,
        result.millis(0.99),
        result.flagged()));
    return new Phase(name, result, refused, faulty);
  }

  private Map<String, Double> shedByReason() throws Exception {
    return Probe.counterBy(fixture.url("/metrics"), Overload.SHED_METRIC, "reason");
  }

  /** {@code in_flight 1, queue_time 2}: the refusals counted between two readings. */
  private static String refused(Map<String, Double> before, Map<String, Double> after) {
    StringJoiner reasons = new StringJoiner(", ");
    after.forEach((reason, count) -> {
      long added = Math.round(count - before.getOrDefault(reason, 0.0));
      if (added > 0) {
        reasons.add(reason + " " + added);
      }
    });
    return reasons.toString();
  }

  /**
   * A day of new events for the data set's users and items, after its end (so none is late) and
   * with ids of their own (so none is a duplicate), published while Redis is down.
   */
  private DatasetSummary publishMore() {
    try (EventPublisher publisher = EventPublisher.create(
        PublisherConfig.of(fixture.kafka.connection()), fixture.topics, Clock.systemUTC())) {
      PublishingSink sink = new PublishingSink(publisher);
      DatasetSink renamed = new DatasetSink() {
        @Override
        public void item(ItemUpdate item) {
          // The catalog stays as it is: another seed would give the same ids other categories.
        }

        @Override
        public void event(UserEvent event) {
          sink.event(UserEvent.newBuilder(event)
              .setEventId("redis-down-" + event.getEventId())
              .build());
        }
      };
      GeneratorParams more = fixture
          .params
          .withSeed(fixture.params.seed() + 1)
          .withDays(1)
          .withEnd(fixture.params.end().plus(Duration.ofDays(1)));
      DatasetSummary summary = new DatasetGenerator().generate(more, renamed, n -> {});
      sink.awaitAcknowledged();
      return summary;
    }
  }
}
