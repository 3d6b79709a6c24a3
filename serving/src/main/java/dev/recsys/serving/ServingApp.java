package dev.recsys.serving;

import static java.util.Objects.requireNonNull;

import com.sun.management.OperatingSystemMXBean;
import dev.recsys.ingest.http.HttpJson;
import dev.recsys.serving.http.Admission;
import dev.recsys.serving.http.BodyLimit;
import dev.recsys.serving.http.Fallbacks;
import dev.recsys.serving.http.HttpConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recsys HTTP server. Every route is declared here and described in the OpenAPI document it
 * serves at {@code /openapi.json}; {@link #routes()} lists what was registered, and a test holds
 * the two equal:
 *
 * <pre>
 * GET  /healthz        liveness
 * GET  /metrics        Prometheus text format
 * POST /v1/events      user events, JSON array or NDJSON
 * POST /v1/items       catalog updates, JSON array or NDJSON
 * GET  /v1/users/{userId}/features   a user's online features as of now
 * GET  /v1/items/{itemId}/features   an item's online features as of now
 * GET  /v1/users/{userId}/recommendations?k=&amp;exclude=&amp;context=&amp;explain=
 * GET  /v1/items/{itemId}/similar?k=  nearest available items in the index
 * GET  /readyz         200 once index, model and warm-up are done; 503 naming what is missing
 * GET  /openapi.json   this API as an OpenAPI 3.1 document
 * </pre>
 *
 * <p>Ingest routes need the ingest API key and {@code /metrics} the admin key, when set.
 * Request lines and headers are limited to {@code http.max-header-bytes}, bodies to
 * {@code http.max-body-bytes}, parameters, headers and cookies to {@value
 * HttpConfig#MAX_PARAMETERS} each. Reads (recommendations, similar items, features) and ingest
 * each pass their own {@link Admission}: past its limits a request is answered 503 with {@code
 * Retry-After} at once. Health, readiness, metrics and the document are never shed; readiness
 * answers on the I/O thread, so a full worker queue cannot delay it.
 */
public final class ServingApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServingApp.class);
  private static final String RECOMMENDATIONS = "/v1/users/{userId}/recommendations";
  private static final String SIMILAR = "/v1/items/{itemId}/similar";
  private static final String USER_FEATURES = "/v1/users/{userId}/features";
  private static final String ITEM_FEATURES = "/v1/items/{itemId}/features";
  /** How often the in-flight bounds follow the CPU's load. */
  private static final Duration ADJUST_EVERY = Duration.ofMillis(100);

  private final Undertow server;
  private final List<Route> routes;
  private final ScheduledExecutorService adjuster;

  private ServingApp(Undertow server, List<Route> routes, ScheduledExecutorService adjuster) {
    this.server = server;
    this.routes = routes;
    this.adjuster = adjuster;
  }

  /**
   * Builds the routes from {@code deps} and starts listening.
   *
   * @throws IllegalStateException if the OpenAPI document is missing from the classpath
   */
  public static ServingApp start(HttpConfig http, ServingDeps deps) {
    requireNonNull(deps, "deps");
    Admission reads = new Admission("reads", http.reads(), deps.metrics());
    Admission ingest = new Admission("ingest", http.ingest(), deps.metrics());
    Routes routes = new Routes(Fallbacks.notFound(), Fallbacks.methodNotAllowed())
        .get(
            "/healthz",
            exchange -> HttpJson.send(exchange, 200, out -> {
              out.writeStartObject();
              out.writeStringField("status", "up");
              out.writeEndObject();
            }))
        .get("/metrics", deps.keys().admin(metrics(deps.metrics())))
        .post("/v1/events", deps.keys().ingest(ingest.admit("/v1/events", deps.events())))
        .post("/v1/items", deps.keys().ingest(ingest.admit("/v1/items", deps.items())))
        .get("/openapi.json", OpenApi.handler());
    deps.features()
        .ifPresent(features -> routes
            .get(USER_FEATURES, reads.admit(USER_FEATURES, features.user()))
            .get(ITEM_FEATURES, reads.admit(ITEM_FEATURES, features.item())));
    deps.recommend()
        .ifPresentOrElse(
            recommend -> routes
                .get(RECOMMENDATIONS, reads.admit(RECOMMENDATIONS, recommend.recommendations()))
                .get(SIMILAR, reads.admit(SIMILAR, recommend.similar()))
                .get("/readyz", Fallbacks.guarded(recommend.ready())),
            () -> routes.get(
                "/readyz",
                exchange -> HttpJson.send(exchange, 200, out -> {
                  out.writeStartObject();
                  out.writeStringField("status", "ready");
                  out.writeEndObject();
                })));
    Undertow server = Undertow.builder()
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, http.maxHeaderBytes())
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, http.maxBodyBytes())
        .setServerOption(UndertowOptions.MAX_PARAMETERS, HttpConfig.MAX_PARAMETERS)
        .setServerOption(UndertowOptions.MAX_HEADERS, HttpConfig.MAX_PARAMETERS)
        .setServerOption(UndertowOptions.MAX_COOKIES, HttpConfig.MAX_PARAMETERS)
        .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, true)
        .addHttpListener(http.port(), http.host())
        .setIoThreads(http.ioThreads())
        .setWorkerThreads(http.workerThreads())
        .setHandler(Fallbacks.guarded(BodyLimit.of(http.maxBodyBytes(), routes.handler())))
        .build();
    server.start();
    ScheduledExecutorService adjuster = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "admission-adjuster");
      thread.setDaemon(true);
      return thread;
    });
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    adjuster.scheduleAtFixedRate(
        () -> {
          double cpu = os.getCpuLoad();
          reads.adjust(cpu);
          ingest.adjust(cpu);
        },
        ADJUST_EVERY.toMillis(),
        ADJUST_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    ServingApp app = new ServingApp(server, routes.list(), adjuster);
    log.info("HTTP listening on http://{}:{}", http.host(), app.port());
    return app;
  }

  public int port() {
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** The method and path template of every route this server answers, in registration order. */
  public List<Route> routes() {
    return routes;
  }

  @Override
  public void close() {
    adjuster.shutdownNow();
    server.stop();
  }

  private static HttpHandler metrics(PrometheusMeterRegistry registry) {
    return exchange -> {
      exchange
          .getResponseHeaders()
          .put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
      exchange.getResponseSender().send(registry.scrape());
    };
  }
}
