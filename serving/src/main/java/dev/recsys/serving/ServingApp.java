package dev.recsys.serving;

import static java.util.Objects.requireNonNull;

import dev.recsys.ingest.http.HttpJson;
import dev.recsys.serving.http.Fallbacks;
import dev.recsys.serving.http.HttpConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recsys HTTP server. Every route is declared here:
 *
 * <pre>
 * GET  /healthz        liveness
 * GET  /metrics        Prometheus text format
 * POST /v1/events      user events, JSON array or NDJSON
 * POST /v1/items       catalog updates, JSON array or NDJSON
 * GET  /v1/users/{userId}/features   a user's online features as of now
 * GET  /v1/items/{itemId}/features   an item's online features as of now
 * </pre>
 */
public final class ServingApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServingApp.class);
  private final Undertow server;

  private ServingApp(Undertow server) {
    this.server = server;
  }

  /** Builds the routes from {@code deps} and starts listening. */
  public static ServingApp start(HttpConfig http, ServingDeps deps) {
    requireNonNull(deps, "deps");
    RoutingHandler routes = Handlers.routing()
        .get("/healthz", exchange -> HttpJson.send(exchange, 200, out -> {
          out.writeStartObject();
          out.writeStringField("status", "up");
          out.writeEndObject();
        }))
        .get("/metrics", metrics(deps.metrics()))
        .post("/v1/events", deps.events())
        .post("/v1/items", deps.items())
        .setFallbackHandler(Fallbacks.notFound())
        .setInvalidMethodHandler(Fallbacks.methodNotAllowed());
    deps.features().ifPresent(features -> routes
        .get("/v1/users/{userId}/features", Fallbacks.onWorker(features.user()))
        .get("/v1/items/{itemId}/features", Fallbacks.onWorker(features.item())));
    Undertow server = Undertow.builder()
        .addHttpListener(http.port(), http.host())
        .setIoThreads(http.ioThreads())
        .setWorkerThreads(http.workerThreads())
        .setHandler(Fallbacks.guarded(routes))
        .build();
    server.start();
    ServingApp app = new ServingApp(server);
    log.info("HTTP listening on http://{}:{}", http.host(), app.port());
    return app;
  }

  public int port() {
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  @Override
  public void close() {
    server.stop();
  }

  private static HttpHandler metrics(PrometheusMeterRegistry registry) {
    return exchange -> {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE,
          "text/plain; version=0.0.4; charset=utf-8");
      exchange.getResponseSender().send(registry.scrape());
    };
  }
}
