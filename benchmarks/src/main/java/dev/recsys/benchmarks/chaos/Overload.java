package dev.recsys.benchmarks.chaos;

import dev.recsys.benchmarks.chaos.Verdict.Check;
import dev.recsys.benchmarks.serving.OpenLoopHttp;
import dev.recsys.benchmarks.serving.RecommendLoad;
import dev.recsys.serving.http.AdmissionLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Serving under more load than it can take. First its capacity: requests queued on as many
 * connections as it always admits, answered as fast as it can. Then an open-loop load at {@code multiple} times that: admitted
 * requests must answer within the deadline, the rest be refused with 503 at once (and counted
 * on {@code /metrics}), health and readiness keep answering, and once the load stops a load at
 * half the capacity must be served whole again.
 */
final class Overload {
  static final String SHED_METRIC = "recsys_http_shed_total";
  private static final Duration DEADLINE = Duration.ofMillis(100);
  private static final int CAPACITY_REQUESTS = 6_000;

  private final Fixture fixture;
  private final int seconds;
  private final Consumer<String> say;

  Overload(Fixture fixture, int seconds, Consumer<String> say) {
    this.fixture = fixture;
    this.seconds = seconds;
    this.say = say;
  }

  /**
   * Requests per second served with as many requests always outstanding as serving admits however
   * busy the CPU is ({@code http.min-in-flight}'s default), so none is refused.
   */
  int capacity() throws Exception {
    int outstanding = AdmissionLimits.READS.minInFlight();
    try (OpenLoopHttp load = connect(outstanding)) {
      load.run(2_000, 2, paths()); // warm the path and the generator
      OpenLoopHttp.Result result = load.run(CAPACITY_REQUESTS, 1, paths());
      int capacity = (int) (result.ok() * 1e9 / result.elapsedNanos());
      say.accept(String.format(
          "capacity: %,d requests/s (%,d answered in %.1f s with %d outstanding, %d errors)",
          capacity, result.ok(), result.elapsedNanos() / 1e9, outstanding, result.errors()));
      return capacity;
    }
  }

  Verdict run(int capacity, int multiple) throws Exception {
    int rate = capacity * multiple;
    double shedBefore = Probe.counter(fixture.url("/metrics"), SHED_METRIC);
    OpenLoopHttp.Result over;
    Probe health = Probe.every200ms(fixture.url("/healthz"));
    Probe ready = Probe.every200ms(fixture.url("/readyz"));
    try (OpenLoopHttp load = connect(256)) {
      over = load.run(rate, seconds, paths());
    } finally {
      health.close();
      ready.close();
    }
    double shed = Probe.counter(fixture.url("/metrics"), SHED_METRIC) - shedBefore;
    OpenLoopHttp.Result after;
    try (OpenLoopHttp load = connect(64)) {
      after = load.run(Math.max(1, capacity / 2), Math.max(2, seconds / 2), paths());
    }
    long otherErrors = over.errors() - over.shed();
    String overLine = String.format(
        "%,d/s for %d s: %,d sent, %,d admitted (p50 %.1f ms, p99 %.1f ms, max %.1f ms), %,d shed "
            + "with 503, %,d other errors%s",
        rate,
        seconds,
        over.sent(),
        over.ok(),
        over.millis(0.5),
        over.millis(0.99),
        over.millis(1.0),
        over.shed(),
        otherErrors,
        otherErrors > 0 ? " (first: " + over.firstError() + ")" : "");
    say.accept("  " + overLine);
    List<Check> checks = new ArrayList<>();
    checks.add(new Check(
        "admitted requests answer within the " + DEADLINE.toMillis() + " ms deadline (p99)",
        String.format("p99 %.1f ms of %,d admitted", over.millis(0.99), over.ok()),
        over.ok() > 0 && over.millis(0.99) <= DEADLINE.toMillis()));
    checks.add(new Check(
        "the rest are refused with 503, no other error",
        String.format("%,d shed, %,d other errors", over.shed(), otherErrors),
        over.shed() > 0 && otherErrors == 0));
    checks.add(new Check(
        "every refusal is counted on /metrics (" + SHED_METRIC + ")",
        String.format("%,.0f counted, %,d seen by the client", shed, over.shed()),
        (long) shed == over.shed()));
    checks.add(new Check(
        "/healthz and /readyz keep answering 200 within 1 s",
        "healthz " + health.summary() + "; readyz " + ready.summary(),
        health.allOkWithin(Duration.ofSeconds(1)) && ready.allOkWithin(Duration.ofSeconds(1))));
    checks.add(new Check(
        "right after, half the capacity is served whole within the deadline",
        String.format(
            "%,d/s: %,d of %,d answered, %,d errors, p99 %.1f ms",
            after.sent() / Math.max(2, seconds / 2),
            after.ok(),
            after.sent(),
            after.errors(),
            after.millis(0.99)),
        after.errors() == 0 && after.millis(0.99) <= DEADLINE.toMillis()));
    return new Verdict(
        "overload " + multiple + "x",
        String.format(
            "open-loop load at %d x the measured capacity (%,d/s) for %d s",
            multiple, capacity, seconds),
        checks);
  }

  private OpenLoopHttp connect(int connections) throws Exception {
    return new OpenLoopHttp(
        new InetSocketAddress("127.0.0.1", fixture.httpPort), connections, RecommendLoad::degraded);
  }

  /** Users of the data set and a tenth more unknown ones (the cold-start path), uniform. */
  private IntFunction<String> paths() {
    return fixture.recommendationPaths(7);
  }
}
