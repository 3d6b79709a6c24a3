package dev.recsys.ingest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** Writes JSON responses; the one place response bodies are produced. */
public final class HttpJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Writes a body with a generator. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator out) throws IOException;
  }

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
}
