package dev.recsys.benchmarks.serving;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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

  @Option(
      names = "--connections",
      description = "Keep-alive connections; a request finding all busy waits, and that wait "
          + "counts (default: ${DEFAULT-VALUE}).")
  private int connections = 64;

  public static void main(String[] args) {
    System.exit(new CommandLine(new RecommendLoad()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    URI server = URI.create(url);
    if (!"http".equals(server.getScheme()) || server.getPort() < 0) {
      throw new ParameterException(
          new CommandLine(this), "--url must be http://host:port, got '" + url + "'");
    }
    atLeast("--rate", rate, 1);
    atLeast("--seconds", seconds, 1);
    atLeast("--warmup", warmup, 0);
    atLeast("--users", users, 1);
    atLeast("--user-width", width, 1);
    atLeast("--k", k, 1);
    atLeast("--connections", connections, 1);
    SplittableRandom random = new SplittableRandom(42);
    String format = "/v1/users/u%0" + width + "d/recommendations?k=" + k;
    IntFunction<String> path = n -> String.format(format, 1 + random.nextInt(users));
    OpenLoopHttp opened;
    try {
      opened = new OpenLoopHttp(
          new InetSocketAddress(server.getHost(), server.getPort()),
          connections,
          RecommendLoad::degraded);
    } catch (ConnectException e) {
      System.err.println("cannot connect to " + url + " (" + e.getMessage() + "): is the server"
          + " running? Start one with 'bin/recsys demo' or 'bin/recsys serve'.");
      return 2;
    }
    try (OpenLoopHttp load = opened) {
      if (warmup > 0) {
        load.run(rate, warmup, path);
      }
      OpenLoopHttp.Result result = load.run(rate, seconds, path);
      System.out.printf(
          "rate=%d/s seconds=%d sent=%d ok=%d errors=%d (%.3f%%) "
              + "p50=%.2fms p95=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms "
              + "degraded=%d resent=%d client_cpu=%.1fus/request%n",
          rate,
          seconds,
          result.sent(),
          result.ok(),
          result.errors(),
          100.0 * result.errors() / Math.max(1, result.sent()),
          result.millis(0.50),
          result.millis(0.95),
          result.millis(0.99),
          result.millis(0.999),
          result.millis(1.0),
          result.flagged(),
          result.resent(),
          result.cpuNanos() / 1e3 / Math.max(1, result.sent()));
      if (result.errors() > 0) {
        System.out.println("first error: " + result.firstError());
      }
      return result.errors() == 0 ? 0 : 1;
    }
  }

  private void atLeast(String option, int value, int min) {
    if (value < min) {
      throw new ParameterException(
          new CommandLine(this), option + " must be at least " + min + ", got " + value);
    }
  }

  /**
   * Whether an answer's end names a stage that degraded: {@code "degraded":[...]} is the last
   * field of a recommendation.
   */
  public static boolean degraded(String tail) {
    String field = "\"degraded\":[";
    int at = tail.lastIndexOf(field);
    return at >= 0
        && at + field.length() < tail.length()
        && tail.charAt(at + field.length()) != ']';
  }
}
