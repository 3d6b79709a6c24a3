package dev.recsys.ingest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes JSON responses; the one place response bodies are produced. */
public final class HttpJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Logger LOG = LoggerFactory.getLogger(HttpJson.class);

  /** Writes a body with a generator. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator out) throws IOException;
  }

  private static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");

  private HttpJson() {}

  public static void send(HttpServerExchange exchange, int status, Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON response", e);
    }
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    // Ids and paths echoed in a body stay JSON: no browser may sniff it into HTML.
    exchange.getResponseHeaders().put(NOSNIFF, "nosniff");
    exchange.getResponseSender().send(ByteBuffer.wrap(bytes.toByteArray()));
  }

  /** {@code {"status": status, "error": message}}. */
  public static void error(HttpServerExchange exchange, int status, String message) {
    send(exchange, status, out -> {
      out.writeStartObject();
      out.writeNumberField("status", status);
      out.writeStringField("error", message);
      out.writeEndObject();
    });
  }

  /**
   * An unexpected failure: logged with its cause, answered with a JSON 500 naming the exception's
   * class unless the response has already started.
   */
  public static void internalError(HttpServerExchange exchange, Exception e) {
    LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), e);
    if (!exchange.isResponseStarted()) {
      error(
          exchange,
          StatusCodes.INTERNAL_SERVER_ERROR,
          "internal error: " + e.getClass().getSimpleName() + "; see the server log");
    }
  }
}
