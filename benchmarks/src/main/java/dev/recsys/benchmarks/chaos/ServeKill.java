package dev.recsys.benchmarks.chaos;

import dev.recsys.benchmarks.chaos.Verdict.Check;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * {@code recsys serve} killed with SIGKILL under load and started again at once. Clients must see
 * errors only while it is down (requests in flight at the kill, and connections refused until
 * it listens again, each failing fast), and the restarted server must be ready within its
 * warm-up and then answer every request.
 */
final class ServeKill {
  private static final int CLIENTS = 4;
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);
  private static final Duration FAIL_FAST = Duration.ofSeconds(2);

  private final Fixture fixture;
  private final Duration before;
  private final Duration after;
  private final Consumer<String> say;
  private final AtomicLong okBefore = new AtomicLong();
  private final AtomicLong errorsBefore = new AtomicLong();
  private final AtomicLong okDown = new AtomicLong();
  private final AtomicLong errorsDown = new AtomicLong();
  private final AtomicLong okAfter = new AtomicLong();
  private final AtomicLong errorsAfter = new AtomicLong();
  private final AtomicLong slowestFailureNanos = new AtomicLong();
  private final AtomicLong shedBefore = new AtomicLong();
  private volatile String firstErrorBefore = "";
  private volatile int phase; // 0 before the kill, 1 down, 2 ready again
  private volatile boolean stopped;
  private volatile String firstErrorAfter = "";

  ServeKill(Fixture fixture, Duration before, Duration after, Consumer<String> say) {
    this.fixture = fixture;
    this.before = before;
    this.after = after;
    this.say = say;
  }

  Verdict run() throws Exception {
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      IntFunction<String> paths = fixture.recommendationPaths(100 + c);
      Thread thread = new Thread(() -> ask(paths), "kill-client-" + c);
      thread.setDaemon(true);
      clients.add(thread);
      thread.start();
    }
    Thread.sleep(before.toMillis());
    phase = 1;
    long killed = System.nanoTime();
    fixture.serve.kill();
    fixture.serve.restart();
    try {
      fixture.serve.awaitOk(fixture.url("/readyz"), READY_WITHIN.multipliedBy(2));
    } finally {
      phase = 2;
    }
    long downMs = (System.nanoTime() - killed) / 1_000_000;
    Thread.sleep(after.toMillis());
    stopped = true;
    for (Thread thread : clients) {
      thread.join(30_000);
    }
    say.accept(String.format(
        "  serve killed: %,d ok before; while down (%.1f s) %,d errors, %,d ok; after %,d ok, %,d "
            + "errors",
        okBefore.get(),
        downMs / 1e3,
        errorsDown.get(),
        okDown.get(),
        okAfter.get(),
        errorsAfter.get()));
    List<Check> checks = new ArrayList<>();
    checks.add(new Check(
        "no error before the kill (a 503 refused at once is counted apart)",
        String.format(
            "%,d answered, %,d refused with 503, %,d errors%s",
            okBefore.get(),
            shedBefore.get(),
            errorsBefore.get(),
            firstErrorBefore.isEmpty() ? "" : " (first: " + firstErrorBefore + ")"),
        okBefore.get() > 0 && errorsBefore.get() == 0));
    checks.add(new Check(
        "while it is down, requests fail fast (each within " + FAIL_FAST.toSeconds() + " s)",
        String.format(
            "%,d failed, the slowest in %.0f ms",
            errorsDown.get(), slowestFailureNanos.get() / 1e6),
        slowestFailureNanos.get() <= FAIL_FAST.toNanos()));
    checks.add(new Check(
        "the restarted server is ready within " + READY_WITHIN.toSeconds() + " s (JVM start, index,"
            + " model, warm-up)",
        String.format("ready %.1f s after the kill", downMs / 1e3),
        downMs <= READY_WITHIN.toMillis()));
    checks.add(new Check(
        "once ready, every request is answered",
        String.format(
            "%,d answered, %,d errors%s",
            okAfter.get(),
            errorsAfter.get(),
            firstErrorAfter.isEmpty() ? "" : " (first: " + firstErrorAfter + ")"),
        okAfter.get() > 0 && errorsAfter.get() == 0));
    return new Verdict(
        "SIGKILL of recsys serve under load",
        String.format(
            "%d closed-loop clients; kill -9 after %.0f s, started again at once",
            CLIENTS, before.toMillis() / 1e3),
        checks);
  }

  private void ask(IntFunction<String> paths) {
    HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    for (int n = 0; !stopped; n++) {
      int at = phase;
      long start = System.nanoTime();
      boolean ok;
      String error = "";
      try {
        HttpResponse<Void> answer = http.send(
            HttpRequest.newBuilder(fixture.url(paths.apply(n)))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        ok = answer.statusCode() == 200;
        error = "HTTP " + answer.statusCode();
      } catch (IOException e) {
        ok = false;
        error = e.toString();
      } catch (InterruptedException e) {
        return;
      }
      long took = System.nanoTime() - start;
      int now = phase;
      if (at == 0 && now == 0) {
        if (error.equals("HTTP 503")) {
          shedBefore.incrementAndGet(); // refused at once: admission, not the fault
        } else {
          (ok ? okBefore : errorsBefore).incrementAndGet();
          if (!ok && firstErrorBefore.isEmpty()) {
            firstErrorBefore = error;
          }
        }
      } else if (at == 2) {
        (ok ? okAfter : errorsAfter).incrementAndGet();
        if (!ok && firstErrorAfter.isEmpty()) {
          firstErrorAfter = error;
        }
      } else {
        (ok ? okDown : errorsDown).incrementAndGet();
        if (!ok) {
          slowestFailureNanos.accumulateAndGet(took, Math::max);
          sleepQuietly(50);
        }
      }
      sleepQuietly(5);
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
