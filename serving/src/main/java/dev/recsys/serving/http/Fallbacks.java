package dev.recsys.serving.http;

import dev.recsys.ingest.http.HttpJson;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answers for requests no route takes, and for failures no handler expected. */
public final class Fallbacks {
  private static final Logger log = LoggerFactory.getLogger(Fallbacks.class);

  private Fallbacks() {}

  public static HttpHandler notFound() {
    return exchange -> HttpJson.error(exchange, StatusCodes.NOT_FOUND,
        "no route for " + exchange.getRequestMethod() + " " + exchange.getRequestPath());
  }

  public static HttpHandler methodNotAllowed() {
    return exchange -> HttpJson.error(exchange, StatusCodes.METHOD_NOT_ALLOWED,
        exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath());
  }

  /** Wraps {@code next} so an unexpected exception becomes a 500 with a JSON body. */
  public static HttpHandler guarded(HttpHandler next) {
    return exchange -> {
      try {
        next.handleRequest(exchange);
      } catch (Exception e) {
        fail(exchange, e);
      }
    };
  }

  private static void fail(HttpServerExchange exchange, Exception e) {
    log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), e);
    if (!exchange.isResponseStarted()) {
      HttpJson.error(exchange, StatusCodes.INTERNAL_SERVER_ERROR,
          "internal error: " + e.getClass().getSimpleName() + "; see the server log");
    }
  }
}
