package dev.recsys.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.candidates.ann.ScoredItem;
import dev.recsys.serving.api.RecommendRoutes;
import dev.recsys.serving.http.AdmissionLimits;
import dev.recsys.serving.http.HttpConfig;
import dev.recsys.serving.recommend.Readiness;
import dev.recsys.serving.recommend.RecommendRequest;
import dev.recsys.serving.recommend.Recommendation;
import dev.recsys.serving.recommend.Recommender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Admission control on a real server: past the in-flight bound or the queueing bound a request is
 * answered 503 with {@code Retry-After} at once and counted; health and readiness still answer.
 * The recommender is a latch-held double: what is under test is the HTTP path, not the pipeline.
 */
class AdmissionTest {
  private static final HttpHandler OK = exchange -> exchange.getResponseSender().send("ok");
  private final HttpClient http = HttpClient.newHttpClient();
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);
  private ServingApp app;

  @AfterEach
  void stop() {
    release.countDown();
    if (app != null) {
      app.close();
    }
  }

  private void start(int workers, AdmissionLimits reads) {
    HttpConfig config = new HttpConfig(HttpConfig.DEFAULT_HOST, 0, 1, workers)
        .withAdmission(reads, AdmissionLimits.INGEST);
    app = ServingApp.start(
        config,
        new ServingDeps(
                OK,
                OK,
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                dev.recsys.serving.http.ApiKeys.NONE,
                metrics)
            .withRecommendations(new RecommendRoutes(new HeldRecommender())));
  }

  private CompletableFuture<HttpResponse<String>> get(String path) {
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldShedRequestsBeyondTheInFlightBoundAtOnce() throws Exception {
    start(4, AdmissionLimits.fixed("http", 1, Duration.ofSeconds(5)));
    CompletableFuture<HttpResponse<String>> held = get("/v1/users/a/recommendations");
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

    long sent = System.nanoTime();
    HttpResponse<String> shed = get("/v1/users/b/recommendations").get(5, TimeUnit.SECONDS);
    long tookMs = (System.nanoTime() - sent) / 1_000_000;

    assertThat(shed.statusCode()).isEqualTo(503);
    assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(shed.body()).contains("http.max-in-flight");
    assertThat(tookMs).as("answered without waiting for the held request").isLessThan(2_000);
    assertThat(get("/healthz").get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(get("/readyz").get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(held).isNotDone();

    release.countDown();
    assertThat(held.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(get("/v1/users/c/recommendations").get(5, TimeUnit.SECONDS).statusCode())
        .as("admitted again once the first completed")
        .isEqualTo(200);
    assertThat(metrics.scrape())
        .contains("recsys_http_shed_total{pool=\"reads\",reason=\"in_flight\","
            + "route=\"/v1/users/{userId}/recommendations\"} 1.0");
  }

  @Test
  void shouldShedARequestThatWaitedTooLongForAWorker() throws Exception {
    start(1, AdmissionLimits.fixed("http", 10, Duration.ofMillis(50)));
    CompletableFuture<HttpResponse<String>> held = get("/v1/users/a/recommendations");
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<HttpResponse<String>> queued = get("/v1/items/x/similar");
    Thread.sleep(200);
    assertThat(queued).as("waits for the only worker").isNotDone();

    release.countDown();
    HttpResponse<String> late = queued.get(5, TimeUnit.SECONDS);

    assertThat(held.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(late.statusCode()).as("never a late 200").isEqualTo(503);
    assertThat(late.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(late.body()).contains("http.max-queue-time");
    assertThat(metrics.scrape())
        .contains("recsys_http_shed_total{pool=\"reads\",reason=\"queue_time\","
            + "route=\"/v1/items/{itemId}/similar\"} 1.0");
  }

  /** Holds the first recommendation until released; answers everything else at once. */
  private final class HeldRecommender implements Recommender {
    @Override
    public Recommendation recommend(RecommendRequest request) {
      if (entered.getCount() > 0) {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new Recommendation("r", request.userId(), "none", List.of(), 0, 0, List.of());
    }

    @Override
    public List<ScoredItem> similar(String itemId, int k) {
      return List.of();
    }

    @Override
    public Readiness readiness() {
      return new Readiness(List.of());
    }

    @Override
    public void close() {}
  }
}
