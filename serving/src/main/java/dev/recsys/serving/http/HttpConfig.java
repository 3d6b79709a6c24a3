package dev.recsys.serving.http;

import static java.util.Objects.requireNonNull;

/**
 * Where and with how many threads the HTTP server listens, and how large a request may be.
 * Port 0 picks a free port.
 *
 * @param maxHeaderBytes request line (URL with query) plus headers; larger requests are refused
 * @param maxBodyBytes any request body; ingest also applies its own, usually smaller, limit
 * @param reads admission of recommendations, similar items and features ({@code
 *     http.max-in-flight}, {@code http.max-queue-time})
 * @param ingest admission of event and item ingest ({@code ingest.max-in-flight}, {@code
 *     ingest.max-queue-time})
 */
public record HttpConfig(
    String host,
    int port,
    int ioThreads,
    int workerThreads,
    int maxHeaderBytes,
    long maxBodyBytes,
    AdmissionLimits reads,
    AdmissionLimits ingest) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_IO_THREADS =
      Math.max(2, Runtime.getRuntime().availableProcessors());
  public static final int DEFAULT_WORKER_THREADS = 32;
  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
  public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;
  /** At most this many query parameters, headers and cookies each. */
  public static final int MAX_PARAMETERS = 64;

  public HttpConfig {
    requireNonNull(host, "http.host");
    requireNonNull(reads, "reads");
    requireNonNull(ingest, "ingest");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("http.port must be within 0..65535, got " + port);
    }
    if (ioThreads < 1 || workerThreads < 1) {
      throw new IllegalArgumentException("http.io-threads and http.worker-threads must be >= 1");
    }
    if (maxHeaderBytes < 1024 || maxBodyBytes < 1024) {
      throw new IllegalArgumentException(
          "http.max-header-bytes and http.max-body-bytes must be >= 1024");
    }
  }

  public HttpConfig(String host, int port, int ioThreads, int workerThreads) {
    this(
        host,
        port,
        ioThreads,
        workerThreads,
        DEFAULT_MAX_HEADER_BYTES,
        DEFAULT_MAX_BODY_BYTES,
        AdmissionLimits.READS,
        AdmissionLimits.INGEST);
  }

  public HttpConfig withAdmission(AdmissionLimits readLimits, AdmissionLimits ingestLimits) {
    return new HttpConfig(
        host,
        port,
        ioThreads,
        workerThreads,
        maxHeaderBytes,
        maxBodyBytes,
        readLimits,
        ingestLimits);
  }

  public static HttpConfig onPort(int port) {
    return new HttpConfig(DEFAULT_HOST, port, DEFAULT_IO_THREADS, DEFAULT_WORKER_THREADS);
  }
}
