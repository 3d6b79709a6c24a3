package dev.recsys.app.cli;

import dev.recsys.features.source.TopicReader;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code recsys standalone --check}: asks the running API, over HTTP, for readiness and for the
 * recommendations of a user from the loaded events and of a user it has never seen.
 */
final class StandaloneCheck {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String base;

  StandaloneCheck(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A user id from the events topic (the first event of its first partition). */
  static Optional<String> someUser(KafkaConnection kafka, Topics topics) {
    try (TopicReader reader = new TopicReader(kafka)) {
      return reader.partitions(topics.events().name(), Instant.EPOCH).stream()
          .filter(java.util.Iterator::hasNext)
          .findFirst()
          .map(p -> Codecs.USER_EVENT.decode(p.next().value()).getUserId());
    }
  }

  /** The failures; every check passed when empty. */
  List<String> run(Optional<String> user, Consumer<String> say) {
    List<String> failures = new ArrayList<>();
    expect("/readyz", "\"ready\"", failures, say);
    user.ifPresentOrElse(
        id -> expect("/v1/users/" + id + "/recommendations?k=10", "\"item_id\"", failures, say),
        () -> failures.add("no event on the events topic to take a user from"));
    expect("/v1/users/standalone-check-new-user/recommendations?k=5", "\"item_id\"", failures, say);
    return failures;
  }

  private void expect(String path, String expected, List<String> failures, Consumer<String> say) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      String line = "GET " + path + " -> " + response.statusCode();
      if (response.statusCode() == 200 && response.body().contains(expected)) {
        say.accept("  ok    " + line + " " + abbreviate(response.body()));
      } else {
        failures.add(line + ": " + abbreviate(response.body()));
      }
    } catch (IOException e) {
      failures.add("GET " + path + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add("GET " + path + " interrupted");
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 160 ? body.substring(0, 160) + " ..." : body;
  }
}
