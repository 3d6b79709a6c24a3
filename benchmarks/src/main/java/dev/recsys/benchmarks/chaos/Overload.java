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
 * on {@code /metrics}), health and readiness keep answering, and within seconds of the load stopping a load at
 * half the capacity must be served whole again.
 */
final class Overload {
  static final String SHED_METRIC = "recsys_http_shed_total";
  private static final Duration DEADLINE = Duration.ofMillis(100);
  private static final int CAPACITY_REQUESTS = 6_000;
  /** One-second windows of half the capacity within which serving must be whole again. */
  static final int RECOVERY_WINDOWS = 5;

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
    Recovery recovery = recover(Math.max(1, capacity / 2));
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
        "within " + RECOVERY_WINDOWS
            + " s of the load stopping, half the capacity is served whole within the deadline (two seconds in a row)",
        recovery.summary(),
        recovery.recovered()));
    return new Verdict(
        "overload " + multiple + "x",
        String.format(
            "open-loop load at %d x the measured capacity (%,d/s) for %d s",
            multiple, capacity, seconds),
        checks);
  }

  /**
   * Half the capacity in one-second windows from the moment the overload stops, until two windows
   * in a row are served whole within the deadline or {@value #RECOVERY_WINDOWS} have passed
   * without that.
   */
  private Recovery recover(int rate) throws Exception {
    List<String> windows = new ArrayList<>();
    long errors = 0;
    String firstError = null;
    int streak = 0;
    try (OpenLoopHttp load = connect(64)) {
      for (int window = 0; streak < 2 && window - streak < RECOVERY_WINDOWS; window++) {
        OpenLoopHttp.Result result = load.run(rate, 1, paths());
        windows.add(String.format(
            "%,d of %,d (p99 %.1f ms)", result.ok(), result.sent(), result.millis(0.99)));
        boolean whole = result.errors() == 0 && result.millis(0.99) <= DEADLINE.toMillis();
        streak = whole ? streak + 1 : 0;
        if (result.errors() > 0 && firstError == null) {
          firstError = result.firstError();
        }
        errors += result.errors();
      }
    }
    boolean recovered = streak == 2;
    return new Recovery(
        recovered, recovered ? windows.size() - 2 : -1, rate, windows, errors, firstError);
  }

  /** How serving came back after the overload: which one-second window began two whole ones. */
  private record Recovery(
      boolean recovered,
      int afterSeconds,
      int rate,
      List<String> windows,
      long errors,
      String firstError) {
    String summary() {
      String outcome = recovered
          ? "whole from " + afterSeconds + " s after the stop"
          : "not whole within " + RECOVERY_WINDOWS + " s";
      String failures =
          errors == 0 ? "" : String.format("; %,d errors (first: %s)", errors, firstError);
      return String.format(
          "%,d/s: %s; answered per second: %s%s",
          rate, outcome, String.join(", ", windows), failures);
    }
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
