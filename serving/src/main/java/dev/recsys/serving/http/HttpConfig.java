package dev.recsys.serving.http;

import static java.util.Objects.requireNonNull;

/** Where and with how many threads the HTTP server listens. Port 0 picks a free port. */
public record HttpConfig(String host, int port, int ioThreads, int workerThreads) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_IO_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
  public static final int DEFAULT_WORKER_THREADS = 32;

  public HttpConfig {
    requireNonNull(host, "http.host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("http.port must be within 0..65535, got " + port);
    }
    if (ioThreads < 1 || workerThreads < 1) {
      throw new IllegalArgumentException("http.io-threads and http.worker-threads must be >= 1");
    }
  }

  public static HttpConfig onPort(int port) {
    return new HttpConfig(DEFAULT_HOST, port, DEFAULT_IO_THREADS, DEFAULT_WORKER_THREADS);
  }
}
