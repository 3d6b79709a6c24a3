package dev.recsys.serving.http;

import static java.util.Objects.requireNonNull;

import dev.recsys.ingest.http.HttpJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control for one class of routes. On the I/O thread, a request beyond the current
 * in-flight bound ({@link AdaptiveLimit}: {@link AdmissionLimits#maxInFlight}, fewer while the
 * CPU is saturated and the bound is reached, as {@link #adjust} is told) is answered 503 with
 * {@code Retry-After} before any work; an admitted one is dispatched to a worker, and if it
 * waited there longer than {@link AdmissionLimits#maxQueueTime} (counted from when its request
 * line arrived) it is answered 503 too, never a late 200. A request leaves the count when its
 * exchange completes, however it ends. Shed requests are counted on {@value #SHED} by route and
 * reason.
 */
public final class Admission {
  public static final String SHED = "recsys.http.shed";
  public static final String IN_FLIGHT = "recsys.http.in.flight";
  public static final String LIMIT = "recsys.http.in.flight.limit";
  /** Seconds a shed client should wait before retrying. */
  public static final int RETRY_AFTER_SECONDS = 1;

  private final String pool;
  private final AdmissionLimits limits;
  private final long maxQueueNanos;
  private final MeterRegistry registry;
  private final AtomicInteger inFlight = new AtomicInteger();
  /** The most requests in flight at once, counting refused ones, since the last adjustment. */
  private final AtomicInteger demand = new AtomicInteger();

  private final AdaptiveLimit limit;

  /**
   * @param pool names this class of routes on the in-flight gauge ({@code reads}, {@code ingest})
   */
  public Admission(String pool, AdmissionLimits limits, MeterRegistry registry) {
    this.pool = requireNonNull(pool, "pool");
    this.limits = requireNonNull(limits, "limits");
    this.registry = requireNonNull(registry, "registry");
    this.maxQueueNanos = limits.maxQueueTime().toNanos();
    this.limit = new AdaptiveLimit(limits.minInFlight(), limits.maxInFlight());
    Gauge.builder(LIMIT, limit, AdaptiveLimit::current)
        .tag("pool", pool)
        .description("requests that may be in flight now (fewer while the CPU is saturated)")
        .register(registry);
    Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
        .tag("pool", pool)
        .description("requests admitted and not yet complete")
        .register(registry);
  }

  /** Admits requests to {@code route}'s {@code next}, which runs on a worker and may block. */
  public HttpHandler admit(String route, HttpHandler next) {
    Counter full = shedCounter(route, "in_flight");
    Counter late = shedCounter(route, "queue_time");
    HttpHandler guarded = Fallbacks.guarded(next);
    String fullMessage = "overloaded: as many requests are in flight as the server takes now ("
        + limits.setting() + ".max-in-flight, fewer while the CPU is saturated); retry after "
        + RETRY_AFTER_SECONDS + " s";
    String lateMessage =
        "overloaded: no worker was free within " + limits.maxQueueTime().toMillis()
            + " ms (" + limits.setting() + ".max-queue-time); retry after " + RETRY_AFTER_SECONDS
            + " s";
    HttpHandler onWorker = exchange -> {
      long started = exchange.getRequestStartTime();
      if (started > 0 && System.nanoTime() - started > maxQueueNanos) {
        late.increment();
        shed(exchange, lateMessage);
        return;
      }
      guarded.handleRequest(exchange);
    };
    return exchange -> {
      int wanted = inFlight.incrementAndGet();
      if (wanted > demand.get()) {
        demand.accumulateAndGet(wanted, Math::max);
      }
      if (wanted > limit.current()) {
        inFlight.decrementAndGet();
        full.increment();
        shed(exchange, fullMessage);
        return;
      }
      exchange.addExchangeCompleteListener((done, nextListener) -> {
        inFlight.decrementAndGet();
        nextListener.proceed();
      });
      if (exchange.isInIoThread()) {
        exchange.dispatch(onWorker);
      } else {
        onWorker.handleRequest(exchange);
      }
    };
  }

  /**
   * Adjusts the in-flight bound to the CPU's recent load (0..1; negative when unknown) and to
   * whether the bound was reached since the last adjustment.
   */
  public void adjust(double cpuLoad) {
    limit.adjust(cpuLoad, demand.getAndSet(inFlight.get()));
  }

  /** Requests admitted and not yet complete. */
  public int inFlight() {
    return inFlight.get();
  }

  private Counter shedCounter(String route, String reason) {
    return Counter.builder(SHED)
        .tag("pool", pool)
        .tag("route", route)
        .tag("reason", reason)
        .description("requests answered 503 at once because the server was overloaded")
        .register(registry);
  }

  private static void shed(HttpServerExchange exchange, String message) {
    exchange.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_AFTER_SECONDS);
    HttpJson.error(exchange, StatusCodes.SERVICE_UNAVAILABLE, message);
  }
}
