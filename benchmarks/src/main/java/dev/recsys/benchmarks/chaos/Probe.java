package dev.recsys.benchmarks.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small HTTP reads beside the load: a prober asking one path every 200 ms on its own thread
 * (health and readiness must keep answering), and counters summed from {@code /metrics}.
 */
final class Probe implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final URI url;
  private final Thread thread;
  private final AtomicLong asked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong slowestNanos = new AtomicLong();
  private volatile boolean stopped;

  private Probe(URI url) {
    this.url = url;
    this.thread = new Thread(this::loop, "probe " + url.getPath());
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts asking {@code url} every 200 ms until closed. */
  static Probe every200ms(URI url) {
    return new Probe(url);
  }

  private void loop() {
    while (!stopped) {
      long start = System.nanoTime();
      asked.incrementAndGet();
      try {
        HttpResponse<Void> answer = HTTP.send(
            HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
          failed.incrementAndGet();
        }
      } catch (IOException e) {
        failed.incrementAndGet();
      } catch (InterruptedException e) {
        return;
      }
      slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** {@code 24 asked, 0 failed, slowest 3.1 ms}. */
  String summary() {
    return String.format(
        "%d asked, %d not 200, slowest %.1f ms",
        asked.get(), failed.get(), slowestNanos.get() / 1e6);
  }

  boolean allOkWithin(Duration limit) {
    return asked.get() > 0 && failed.get() == 0 && slowestNanos.get() <= limit.toNanos();
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.join(10_000);
  }

  /**
   * The sum of every series of the Prometheus counter {@code name} at {@code metrics}. Label values
   * may hold braces (route templates), so a series' labels run to the last one on the line.
   */
  static double counter(URI metrics, String name) throws IOException, InterruptedException {
    return counterBy(metrics, name, "").values().stream()
        .mapToDouble(Double::doubleValue)
        .sum();
  }

  /**
   * The Prometheus counter {@code name} at {@code metrics}, summed by the value of its label
   * {@code label} (series without it under {@code ""}), in the order first seen.
   */
  static Map<String, Double> counterBy(URI metrics, String name, String label)
      throws IOException, InterruptedException {
    String text = HTTP.send(
            HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
    Matcher line =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{.*})? (\\S+)$").matcher(text);
    Pattern labelValue = Pattern.compile("[{,]" + Pattern.quote(label) + "=\"([^\"]*)\"");
    Map<String, Double> sums = new LinkedHashMap<>();
    while (line.find()) {
      String key = "";
      if (!label.isEmpty() && line.group(1) != null) {
        Matcher value = labelValue.matcher(line.group(1));
        key = value.find() ? value.group(1) : "";
      }
      sums.merge(key, Double.parseDouble(line.group(2)), Double::sum);
    }
    return sums;
  }
}
