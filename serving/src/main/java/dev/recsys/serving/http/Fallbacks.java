package dev.recsys.serving.http;

import dev.recsys.features.store.StoreUnavailableException;
import dev.recsys.ingest.http.HttpJson;
import dev.recsys.serving.recommend.UnknownItemException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become responses: a bad parameter is a 400 listing every problem, an
 * item not in the index a 404, an unreachable store a 503,
 * anything else a 500; and the answers for requests no route takes.
 */
public final class Fallbacks {
  private static final Logger log = LoggerFactory.getLogger(Fallbacks.class);

  private Fallbacks() {}

  public static HttpHandler notFound() {
    return exchange -> HttpJson.error(
        exchange,
        StatusCodes.NOT_FOUND,
        "no route for " + exchange.getRequestMethod() + " " + exchange.getRequestPath());
  }

  public static HttpHandler methodNotAllowed() {
    return exchange -> HttpJson.error(
        exchange,
        StatusCodes.METHOD_NOT_ALLOWED,
        exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath());
  }

  /** Wraps {@code next} so an exception becomes a JSON error response. */
  public static HttpHandler guarded(HttpHandler next) {
    return exchange -> {
      try {
        next.handleRequest(exchange);
      } catch (Exception e) {
        fail(exchange, e);
      }
    };
  }

  private static void badRequest(HttpServerExchange exchange, BadRequestException e) {
    HttpJson.send(exchange, StatusCodes.BAD_REQUEST, out -> {
      out.writeStartObject();
      out.writeNumberField("status", StatusCodes.BAD_REQUEST);
      out.writeStringField("error", e.getMessage());
      out.writeArrayFieldStart("problems");
      for (String problem : e.problems()) {
        out.writeString(problem);
      }
      out.writeEndArray();
      out.writeEndObject();
    });
  }

  private static void fail(HttpServerExchange exchange, Exception e) {
    if (e instanceof BadRequestException bad) {
      badRequest(exchange, bad);
      return;
    }
    if (e instanceof UnknownItemException) {
      HttpJson.error(exchange, StatusCodes.NOT_FOUND, e.getMessage());
      return;
    }
    if (e instanceof StoreUnavailableException) {
      log.warn("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestPath(), e.getMessage());
      HttpJson.error(exchange, StatusCodes.SERVICE_UNAVAILABLE, e.getMessage());
      return;
    }
    HttpJson.internalError(exchange, e);
  }
}
