package dev.recsys.serving.http;

import static java.util.Objects.requireNonNull;

import dev.recsys.ingest.http.HttpJson;
import io.undertow.server.HttpHandler;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Optional keys for ingest and admin routes, sent as {@code X-Api-Key}. An absent key leaves the
 * routes open (the embedded demo); a set one answers 401 to requests without it.
 */
public record ApiKeys(Optional<String> ingest, Optional<String> admin) {
  public static final HttpString HEADER = new HttpString("X-Api-Key");
  public static final ApiKeys NONE = new ApiKeys(Optional.empty(), Optional.empty());

  public ApiKeys {
    requireNonNull(ingest, "http.ingest-api-key");
    requireNonNull(admin, "http.admin-api-key");
  }

  public HttpHandler ingest(HttpHandler next) {
    return require(ingest, "http.ingest-api-key", next);
  }

  public HttpHandler admin(HttpHandler next) {
    return require(admin, "http.admin-api-key", next);
  }

  private static HttpHandler require(Optional<String> key, String setting, HttpHandler next) {
    if (key.isEmpty()) {
      return next;
    }
    byte[] expected = key.get().getBytes(StandardCharsets.UTF_8);
    return exchange -> {
      String given = exchange.getRequestHeaders().getFirst(HEADER);
      if (given != null
          && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
        next.handleRequest(exchange);
      } else {
        HttpJson.error(
            exchange,
            StatusCodes.UNAUTHORIZED,
            "missing or wrong " + HEADER + " header; this route needs the key set in " + setting);
      }
    };
  }

  @Override
  public String toString() {
    return "ApiKeys[ingest=" + (ingest.isPresent() ? "set" : "none") + ", admin="
        + (admin.isPresent() ? "set" : "none") + "]";
  }
}
