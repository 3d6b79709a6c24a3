package dev.recsys.serving.http;

import dev.recsys.ingest.http.HttpJson;
import io.undertow.server.HttpHandler;
import io.undertow.util.StatusCodes;

/**
 * Answers 413 to a request whose declared {@code Content-Length} is over the limit, before any
 * handler reads it. Chunked bodies are cut off by the server's entity limit instead.
 */
public final class BodyLimit {
  private BodyLimit() {}

  public static HttpHandler of(long maxBytes, HttpHandler next) {
    return exchange -> {
      long length = exchange.getRequestContentLength();
      if (length > maxBytes) {
        HttpJson.error(
            exchange,
            StatusCodes.REQUEST_ENTITY_TOO_LARGE,
            "request body is " + length + " bytes; the limit is " + maxBytes
                + " (http.max-body-bytes)");
        return;
      }
      next.handleRequest(exchange);
    };
  }
}
