package dev.recsys.app.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Exercises a running server over real HTTP the way a new user would, and says what failed.
 * {@code recordsOnTopic} counts the records on the events topic, to prove every accepted event
 * reached Kafka.
 */
public final class SmokeCheck {
  private static final Duration FRESHNESS_LIMIT = Duration.ofSeconds(10);
  private static final long POLL_MS = 20;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final List<String> failures = new ArrayList<>();
  private final List<String> passed = new ArrayList<>();

  public SmokeCheck(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /** Runs every check; returns the failures (empty when all passed). */
  public List<String> run(long eventsBefore, LongSupplier recordsOnTopic) {
    expect("GET /healthz", get("/healthz"), 200, "\"up\"");
    String batch = """
        {"user_id":"smoke-user","item_id":"i00001","type":"view","timestamp":"%s"}
        {"user_id":"smoke-user","item_id":"i00001","type":"click","timestamp":"%s"}
        {"user_id":"smoke-user","item_id":"i00001","type":"clik","timestamp":"%s"}
        """.formatted(now(), now(), now());
    expect(
        "POST /v1/events (2 valid, 1 invalid)",
        post("/v1/events", "application/x-ndjson", batch),
        200,
        "\"accepted\":2");
    expect(
        "POST /v1/events malformed JSON",
        post("/v1/events", "application/json", "[{"),
        400,
        "malformed JSON");
    expect(
        "POST /v1/events text/plain", post("/v1/events", "text/plain", "hi"), 415, "Content-Type");
    long posted = System.nanoTime();
    HttpResponse<String> features = poll("/v1/users/smoke-user/features", "\"user.click_1h\":1.0");
    long freshMs = (System.nanoTime() - posted) / 1_000_000;
    expect(
        "GET /v1/users/smoke-user/features (fresh " + freshMs + " ms after the POST)",
        features,
        200,
        "\"user.view_1h\":1.0");
    expect(
        "GET /v1/items/i00001/features", get("/v1/items/i00001/features"), 200, "\"item.ctr_7d\"");
    expect("GET /v1/users/nobody/features", get("/v1/users/nobody/features"), 404, "cold start");
    expect(
        "GET /v1/users/<300 chars>/features",
        get("/v1/users/" + "u".repeat(300) + "/features"),
        400,
        "userId must be 1 to 256 characters");
    long onTopic = recordsOnTopic.getAsLong();
    check(
        "events on the topic = published + accepted (" + onTopic + ")",
        onTopic == eventsBefore + 2);
    return failures;
  }

  /** The recommendation path: readiness, a few users (timed), explain, similar items, a 400. */
  public List<String> recommendations(List<String> users) {
    expect("GET /readyz", get("/readyz"), 200, "");
    for (String user : users) {
      long started = System.nanoTime();
      HttpResponse<String> response = get("/v1/users/" + user + "/recommendations?k=10");
      long ms = (System.nanoTime() - started) / 1_000_000;
      expect(
          "GET /v1/users/" + user + "/recommendations?k=10 (" + ms + " ms round trip)",
          response,
          200,
          "\"item_id\"");
    }
    expect(
        "GET /v1/users/" + users.get(0) + "/recommendations?k=3&explain=true",
        get("/v1/users/" + users.get(0) + "/recommendations?k=3&explain=true"),
        200,
        "\"features\"");
    expect(
        "GET /v1/users/brand-new-user/recommendations (cold start)",
        get("/v1/users/brand-new-user/recommendations?k=5"),
        200,
        "\"item_id\"");
    expect(
        "GET /v1/items/i00001/similar?k=5",
        get("/v1/items/i00001/similar?k=5"),
        200,
        "\"item_id\"");
    expect(
        "GET /v1/users/" + users.get(0) + "/recommendations?k=0",
        get("/v1/users/" + users.get(0) + "/recommendations?k=0"),
        400,
        "k");
    return failures;
  }

  public List<String> passed() {
    return passed;
  }

  /** GETs {@code path} until the body contains {@code expected}, for at most ten seconds. */
  private HttpResponse<String> poll(String path, String expected) {
    long deadline = System.nanoTime() + FRESHNESS_LIMIT.toNanos();
    HttpResponse<String> response = get(path);
    while (response != null
        && !response.body().contains(expected)
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return response;
      }
      response = get(path);
    }
    return response;
  }

  private static String now() {
    return java.time.Instant.now().toString();
  }

  private void expect(String what, HttpResponse<String> response, int status, String contains) {
    boolean ok =
        response != null && response.statusCode() == status && response.body().contains(contains);
    check(
        what + " -> "
            + (response == null
                ? "no response"
                : response.statusCode() + " " + abbreviate(response.body())),
        ok);
  }

  private void check(String what, boolean ok) {
    (ok ? passed : failures).add(what);
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  private HttpResponse<String> post(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      failures.add(request.method() + " " + request.uri() + " failed: " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String abbreviate(String body) {
    return body.length() <= 120 ? body : body.substring(0, 117) + "...";
  }
}
