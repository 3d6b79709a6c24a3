package dev.recsys.benchmarks.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
    return new OpenLoopHttp(server.getAddress(), connections, tail -> tail.contains("slow"));
  }

  @Test
  void sendsEveryRequestOnScheduleAndTimesEachAnswer() throws Exception {
    try (OpenLoopHttp load = load(4)) {
      OpenLoopHttp.Result result = load.run(200, 1, n -> (n % 2 == 0 ? "/a/" : "/chunked/") + n);
      assertThat(result.sent()).isEqualTo(200);
      assertThat(result.ok()).isEqualTo(200);
      assertThat(result.errors()).isZero();
      assertThat(result.flagged()).isZero();
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
      assertThat(result.flagged()).as("answers whose end the flag accepted").isEqualTo(40);
    }
  }

  @Test
  void aServerClosingConnectionsAfterEachAnswerCostsNoRequest() throws Exception {
    try (ServerSocket closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> answerOnceAndClose(closing), "closing-server");
      server.setDaemon(true);
      server.start();
      try (OpenLoopHttp load =
          new OpenLoopHttp((InetSocketAddress) closing.getLocalSocketAddress(), 2, tail -> false)) {
        OpenLoopHttp.Result result = load.run(50, 1, n -> "/x");
        assertThat(result.errors()).as(result.firstError()).isZero();
        assertThat(result.ok()).isEqualTo(50);
      }
    }
  }

  /** Answers one request per connection, then closes it without saying so in the headers. */
  private static void answerOnceAndClose(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread connection = new Thread(() -> answerOnce(socket), "closing-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void answerOnce(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      socket
          .getOutputStream()
          .write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
              .getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      // the client went away: nothing to answer
    }
  }
}
