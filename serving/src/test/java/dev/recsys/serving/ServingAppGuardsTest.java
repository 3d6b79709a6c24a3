package dev.recsys.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.ingest.http.HttpJson;
import dev.recsys.serving.http.AdmissionLimits;
import dev.recsys.serving.http.ApiKeys;
import dev.recsys.serving.http.HttpConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API keys on ingest and admin routes, and request size limits, on a real server. */
class ServingAppGuardsTest {
  private static final HttpHandler READ_BODY = exchange -> exchange
      .getRequestReceiver()
      .receiveFullBytes((ex, bytes) -> HttpJson.send(ex, 200, out -> {
        out.writeStartObject();
        out.writeNumberField("bytes", bytes.length);
        out.writeEndObject();
      }));
  private final HttpClient http = HttpClient.newHttpClient();
  private final ServingApp app = ServingApp.start(
      new HttpConfig(
          HttpConfig.DEFAULT_HOST,
          0,
          1,
          2,
          2048,
          4096,
          AdmissionLimits.READS,
          AdmissionLimits.INGEST),
      new ServingDeps(
          READ_BODY,
          READ_BODY,
          Optional.empty(),
          Optional.empty(),
          new ApiKeys(Optional.of("ingest-key"), Optional.of("admin-key")),
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
  }

  @Test
  void shouldRequireTheIngestKeyOnIngestRoutes() throws Exception {
    HttpRequest.Builder post = to("/v1/events").POST(HttpRequest.BodyPublishers.ofString("[]"));

    assertThat(send(post).statusCode()).isEqualTo(401);
    assertThat(send(post.header("X-Api-Key", "admin-key")).statusCode()).isEqualTo(401);
    assertThat(send(to("/v1/items")
                .header("X-Api-Key", "ingest-key")
                .POST(HttpRequest.BodyPublishers.ofString("[]")))
            .statusCode())
        .isEqualTo(200);
  }

  @Test
  void shouldRequireTheAdminKeyOnMetrics() throws Exception {
    assertThat(send(to("/metrics").GET()).statusCode()).isEqualTo(401);
    assertThat(send(to("/metrics").header("X-Api-Key", "admin-key").GET()).statusCode())
        .isEqualTo(200);
    HttpResponse<String> health = send(to("/healthz").GET());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(send(to("/readyz").GET()).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseBodiesAndUrlsBeyondTheLimits() throws Exception {
    HttpResponse<String> big = send(to("/v1/events")
        .header("X-Api-Key", "ingest-key")
        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(8192))));
    HttpResponse<String> longUrl = send(to("/healthz?q=" + "x".repeat(4096)).GET());

    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(longUrl.statusCode()).isBetween(400, 431);
  }
}
