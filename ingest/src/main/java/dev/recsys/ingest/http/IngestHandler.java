package dev.recsys.ingest.http;

import static java.util.Objects.requireNonNull;

import dev.recsys.ingest.batch.BatchEntry;
import dev.recsys.ingest.batch.BatchFormat;
import dev.recsys.ingest.batch.BatchIngestor;
import dev.recsys.ingest.batch.BatchResult;
import dev.recsys.ingest.batch.BatchTooLargeException;
import dev.recsys.ingest.batch.MalformedBatchException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1/events} and {@code POST /v1/items}: a JSON array (or one object) with
 * {@code Content-Type: application/json}, or NDJSON with {@code application/x-ndjson}. Answers
 * 200 when every entry was accepted or some were, 422 when none was valid, 503 when Kafka did not
 * acknowledge some (retry those), 400 for malformed JSON, 413 when too large, 415 for any other
 * content type. Runs on a worker thread: it blocks until Kafka acknowledged the batch.
 */
public final class IngestHandler implements HttpHandler {
  private final BatchIngestor<?> ingestor;
  private final IngestLimits limits;
  private final IngestMetrics metrics;

  public IngestHandler(BatchIngestor<?> ingestor, IngestLimits limits, IngestMetrics metrics) {
    this.ingestor = requireNonNull(ingestor, "ingestor");
    this.limits = requireNonNull(limits, "limits");
    this.metrics = requireNonNull(metrics, "metrics");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws IOException {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    exchange.startBlocking();
    BatchFormat format = format(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
    if (format == null) {
      HttpJson.error(
          exchange,
          StatusCodes.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type must be "
              + "application/json (an array of objects) or application/x-ndjson (one per line)");
      return;
    }
    if (exchange.getRequestContentLength() > limits.maxBodyBytes()) {
      tooLarge(exchange);
      return;
    }
    byte[] body = read(exchange.getInputStream());
    if (body == null) {
      tooLarge(exchange);
      return;
    }
    try {
      List<BatchEntry> entries = format.read(body, limits.maxEntries());
      BatchResult result = ingestor.ingest(entries);
      metrics.record(result);
      HttpJson.send(exchange, status(result), out -> BatchResultJson.write(result, out));
    } catch (MalformedBatchException e) {
      HttpJson.error(exchange, StatusCodes.BAD_REQUEST, e.getMessage());
    } catch (BatchTooLargeException e) {
      HttpJson.error(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    } catch (RuntimeException e) {
      // This handler runs on a worker of its own dispatch, outside the server's guard.
      HttpJson.internalError(exchange, e);
    }
  }

  private byte[] read(InputStream in) throws IOException {
    byte[] body = in.readNBytes(limits.maxBodyBytes() + 1);
    return body.length > limits.maxBodyBytes() ? null : body;
  }

  private void tooLarge(HttpServerExchange exchange) {
    HttpJson.error(
        exchange,
        StatusCodes.REQUEST_ENTITY_TOO_LARGE,
        "the body is larger than " + limits.maxBodyBytes()
            + " bytes; split it into smaller requests");
  }

  private static int status(BatchResult result) {
    if (!result.failed().isEmpty()) {
      return StatusCodes.SERVICE_UNAVAILABLE;
    }
    if (result.accepted() == 0 && !result.rejected().isEmpty()) {
      return StatusCodes.UNPROCESSABLE_ENTITY;
    }
    return StatusCodes.OK;
  }

  static BatchFormat format(String contentType) {
    if (contentType == null) {
      return null;
    }
    String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return switch (mime) {
      case "application/json" -> BatchFormat.JSON;
      case "application/x-ndjson", "application/ndjson", "application/jsonl" -> BatchFormat.NDJSON;
      default -> null;
    };
  }
}
