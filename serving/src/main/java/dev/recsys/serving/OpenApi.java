package dev.recsys.serving;

import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of the HTTP API, the classpath resource
 * {@value #RESOURCE}, read once when the server starts and served as it is.
 */
final class OpenApi {
  static final String RESOURCE = "/dev/recsys/serving/openapi.json";

  private OpenApi() {}

  /**
   * Reads the document now and answers each request with it.
   *
   * @throws IllegalStateException if the document is not on the classpath
   */
  static HttpHandler handler() {
    byte[] document = read(RESOURCE);
    return exchange -> {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
      exchange.getResponseSender().send(ByteBuffer.wrap(document));
    };
  }

  /** The bytes of classpath resource {@code resource}, an absolute name. */
  static byte[] read(String resource) {
    try (InputStream in = OpenApi.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document " + resource
            + " is not on the classpath: this build of recsys-serving is incomplete");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OpenAPI document " + resource, e);
    }
  }
}
