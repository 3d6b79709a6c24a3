package dev.recsys.serving.http;

import static java.util.Objects.requireNonNull;

import dev.recsys.ingest.http.HttpJson;
import io.undertow.server.HttpHandler;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Optional keys for ingest and admin routes, sent as {@code X-Api-Key}. An absent key leaves the
 * routes open (the embedded demo); a set one answers 401 to requests without it. Keys are compared
 * in constant time and never logged or echoed ({@link #toString} says only whether each is set).
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
    byte[] expected = sha256(key.get());
    return exchange -> {
      String given = exchange.getRequestHeaders().getFirst(HEADER);
      if (given != null && matches(expected, given)) {
        next.handleRequest(exchange);
      } else {
        HttpJson.error(
            exchange,
            StatusCodes.UNAUTHORIZED,
            "missing or wrong " + HEADER + " header; this route needs the key set in " + setting);
      }
    };
  }

  /**
   * Compares digests, so the time taken depends on neither the key's content nor its length (a
   * plain comparison returns early at the first differing byte, and at a length mismatch).
   */
  static boolean matches(byte[] expectedDigest, String given) {
    return MessageDigest.isEqual(expectedDigest, sha256(given));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeys[ingest=" + (ingest.isPresent() ? "set" : "none") + ", admin="
        + (admin.isPresent() ? "set" : "none") + "]";
  }
}
