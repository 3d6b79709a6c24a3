package dev.recsys.benchmarks.serving;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Requests recommendations at a fixed rate (an open model: requests go out on schedule whether or
 * not earlier ones have answered) for users drawn at random, and reports latency percentiles
 * measured from each request's scheduled time, so a stalled server cannot hide its queueing
 * (no coordinated omission).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.recsys.benchmarks.serving.RecommendLoad \
 *     --url http://127.0.0.1:8080 --rate 1000 --seconds 60 --users 2000
 * </pre>
 */
@Command(name = "recommend-load", mixinStandardHelpOptions = true)
public final class RecommendLoad implements Callable<Integer> {
  @Option(names = "--url", description = "Server (default: ${DEFAULT-VALUE}).")
  private String url = "http://127.0.0.1:8080";

  @Option(names = "--rate", description = "Requests per second (default: ${DEFAULT-VALUE}).")
  private int rate = 500;

  @Option(names = "--seconds", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  private int seconds = 30;

  @Option(names = "--warmup", description = "Unmeasured seconds first (default: ${DEFAULT-VALUE}).")
  private int warmup = 10;

  @Option(names = "--users", description = "Users u00001..uN (default: ${DEFAULT-VALUE}).")
  private int users = 2_000;

  @Option(names = "--user-width", description = "Digits in user ids (default: ${DEFAULT-VALUE}).")
  private int width = 5;

  @Option(names = "--k", description = "Items per request (default: ${DEFAULT-VALUE}).")
  private int k = 20;

  public static void main(String[] args) {
    System.exit(new CommandLine(new RecommendLoad()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .executor(Executors.newFixedThreadPool(4)).build();
    run(client, warmup, null);
    long[] latencies = new long[rate * seconds];
    Result result = run(client, seconds, latencies);
    Arrays.sort(latencies, 0, result.done);
    System.out.printf("rate=%d/s seconds=%d sent=%d ok=%d errors=%d (%.3f%%) "
            + "p50=%.2fms p95=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms%n", rate, seconds,
        result.sent, result.done - result.errors, result.errors,
        100.0 * result.errors / Math.max(1, result.sent), ms(latencies, result.done, 0.50),
        ms(latencies, result.done, 0.95), ms(latencies, result.done, 0.99),
        ms(latencies, result.done, 0.999), latencies[Math.max(0, result.done - 1)] / 1e6);
    return result.errors == 0 ? 0 : 1;
  }

  private record Result(int sent, int done, long errors) {}

  private Result run(HttpClient client, int duration, long[] latencies)
      throws InterruptedException {
    int total = rate * duration;
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    SplittableRandom random = new SplittableRandom(42);
    CountDownLatch answered = new CountDownLatch(total);
    AtomicLong errors = new AtomicLong();
    java.util.concurrent.atomic.AtomicInteger slot = new java.util.concurrent.atomic.AtomicInteger();
    long start = System.nanoTime();
    for (int n = 0; n < total; n++) {
      long scheduled = start + n * interval;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      String user = String.format("u%0" + width + "d", 1 + random.nextInt(users));
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/users/" + user
          + "/recommendations?k=" + k)).timeout(Duration.ofSeconds(5)).GET().build();
      client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
        long latency = System.nanoTime() - scheduled;
        if (e != null || r.statusCode() != 200) {
          errors.incrementAndGet();
        }
        if (latencies != null) {
          latencies[slot.getAndIncrement()] = latency;
        }
        answered.countDown();
      });
    }
    answered.await(30, TimeUnit.SECONDS);
    return new Result(total, latencies == null ? 0 : slot.get(), errors.get());
  }

  private static double ms(long[] sorted, int n, double quantile) {
    if (n == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(n - 1, (int) Math.ceil(quantile * n) - 1)] / 1e6;
  }
}
