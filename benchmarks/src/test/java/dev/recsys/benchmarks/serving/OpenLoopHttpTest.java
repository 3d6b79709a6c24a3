package dev.recsys.benchmarks.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Through a real HTTP server: the JDK's, on a random port. */
class OpenLoopHttpTest {
  private HttpServer server;
  private final AtomicInteger served = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> {
      served.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      try {
        if (path.startsWith("/slow")) {
          Thread.sleep(50);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
      int status = path.startsWith("/missing") ? 404 : 200;
      boolean chunked = path.startsWith("/chunked");
      exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private OpenLoopHttp load(int connections) throws IOException {
    return new OpenLoopHttp(server.getAddress(), connections);
  }

  @Test
  void sendsEveryRequestOnScheduleAndTimesEachAnswer() throws Exception {
    try (OpenLoopHttp load = load(4)) {
      OpenLoopHttp.Result result = load.run(200, 1, n -> (n % 2 == 0 ? "/a/" : "/chunked/") + n);
      assertThat(result.sent()).isEqualTo(200);
      assertThat(result.ok()).isEqualTo(200);
      assertThat(result.errors()).isZero();
      assertThat(served).hasValue(200);
      assertThat(result.millis(0.5)).isPositive().isLessThanOrEqualTo(result.millis(1.0));
    }
  }

  @Test
  void countsErrorStatusesAndKeepsTheirConnectionsWorking() throws Exception {
    try (OpenLoopHttp load = load(2)) {
      OpenLoopHttp.Result result = load.run(100, 1, n -> n % 10 == 0 ? "/missing" : "/ok");
      assertThat(result.errors()).isEqualTo(10);
      assertThat(result.ok()).isEqualTo(90);
      assertThat(result.firstError()).isEqualTo("HTTP 404");
    }
  }

  @Test
  void aRequestWaitingForABusyConnectionCountsItsWait() throws Exception {
    try (OpenLoopHttp load = load(1)) {
      // 40 requests of 50 ms each, due over one second on one connection: the last leaves
      // about a second late, and its latency must say so (from its own send it took 50 ms).
      OpenLoopHttp.Result result = load.run(40, 1, n -> "/slow");
      assertThat(result.ok()).isEqualTo(40);
      assertThat(result.millis(1.0)).isGreaterThan(500);
    }
  }
}
