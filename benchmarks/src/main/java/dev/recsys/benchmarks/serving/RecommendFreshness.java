package dev.recsys.benchmarks.serving;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end freshness: POST a click for a user, then ask for their recommendations (with
 * {@code explain=true}) every few milliseconds until the features the ranker was given count
 * that click: {@code user_events_total} grew. (Not {@code user_click_1h}: it counts the hour
 * before the user's latest event, so a click today after an old session can lower it.) Reports
 * the time from the POST to the first answer
 * that reflects it, over several users.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.recsys.benchmarks.serving.RecommendFreshness \
 *     --url http://127.0.0.1:8080 --probes 30
 * </pre>
 */
@Command(name = "recommend-freshness", mixinStandardHelpOptions = true)
public final class RecommendFreshness implements Callable<Integer> {
  private static final Pattern EVENTS = Pattern.compile("\"user_events_total\":([0-9.]+)");
  private static final Duration GIVE_UP = Duration.ofSeconds(10);

  @Option(names = "--url", description = "Server (default: ${DEFAULT-VALUE}).")
  private String url = "http://127.0.0.1:8080";

  @Option(names = "--probes", description = "Users probed (default: ${DEFAULT-VALUE}).")
  private int probes = 30;

  @Option(names = "--poll-ms", description = "Poll interval (default: ${DEFAULT-VALUE}).")
  private int pollMs = 5;

  public static void main(String[] args) {
    System.exit(new CommandLine(new RecommendFreshness()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<Long> millis = new ArrayList<>();
    int missed = 0;
    for (int p = 1; p <= probes; p++) {
      String user = String.format("u%05d", p * 37);
      double before = events(http, user);
      String item = String.format("i%05d", (p * 101) % 1000);
      long posted = System.nanoTime();
      post(
          http,
          "[{\"user_id\":\"" + user + "\",\"item_id\":\"" + item + "\",\"type\":\"click\","
              + "\"timestamp\":\"" + Instant.now() + "\"}]");
      long deadline = posted + GIVE_UP.toNanos();
      while (System.nanoTime() < deadline && events(http, user) <= before) {
        Thread.sleep(pollMs);
      }
      if (System.nanoTime() >= deadline) {
        missed++;
      } else {
        millis.add((System.nanoTime() - posted) / 1_000_000);
      }
    }
    Collections.sort(millis);
    System.out.printf(
        "probes=%d reflected=%d not_after_10s=%d event_to_answer_ms " + "p50=%d p90=%d max=%d%n",
        probes,
        millis.size(),
        missed,
        at(millis, 0.5),
        at(millis, 0.9),
        millis.isEmpty() ? -1 : millis.get(millis.size() - 1));
    return 0;
  }

  /** The user's events so far as the ranker saw them, 0 for a user with none. */
  private double events(HttpClient http, String user) throws Exception {
    String body = http.send(
            HttpRequest.newBuilder(
                    URI.create(url + "/v1/users/" + user + "/recommendations?k=1&explain=true"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
    Matcher m = EVENTS.matcher(body);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private void post(HttpClient http, String json) throws Exception {
    http.send(
        HttpRequest.newBuilder(URI.create(url + "/v1/events"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long at(List<Long> sorted, double q) {
    return sorted.isEmpty()
        ? -1
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }
}
