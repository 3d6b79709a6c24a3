package dev.recsys.serving.recommend;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.store.OnlineFeatures;
import dev.recsys.features.store.OnlineStore;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The online store behind a time limit per call and a breaker: {@value #FAILURES_TO_OPEN} calls
 * in a row that fail or overrun open it, and for {@code cooldown} calls fail at once (one probe
 * per cooldown goes through), so a dead Redis costs requests nothing but the missing features,
 * while one slow answer on a busy machine costs only its own request. Calls use the store's
 * async reads: a request thread issues them and waits only on their answers, and reads served
 * from memory are complete at once, with no thread in between.
 */
final class GuardedStore {
  private static final Logger log = LoggerFactory.getLogger(GuardedStore.class);
  static final int FAILURES_TO_OPEN = 3;

  private final OnlineStore store;
  private final long cooldownNanos;
  private final AtomicLong openUntil = new AtomicLong(System.nanoTime());
  private final AtomicInteger failures = new AtomicInteger();
  private volatile boolean open;

  GuardedStore(OnlineStore store, Duration cooldown) {
    this.store = store;
    this.cooldownNanos = cooldown.toNanos();
  }

  CompletableFuture<OnlineFeatures> read(String userId, Collection<String> itemIds) {
    return call(() -> store.readAsync(userId, itemIds));
  }

  CompletableFuture<Map<String, FeatureVector>> readItems(Collection<String> itemIds) {
    return call(() -> store.readItemsAsync(itemIds));
  }

  CompletableFuture<List<String>> trending(int n) {
    return call(() -> store.trendingAsync(n));
  }

  /** The call's value if it succeeds within {@code timeoutNanos}; else empty, opening the breaker. */
  <T> Optional<T> await(CompletableFuture<T> call, long timeoutNanos) {
    try {
      T value = call.get(timeoutNanos, TimeUnit.NANOSECONDS);
      failures.set(0);
      if (open) {
        open = false;
        log.info("online store answers again");
      }
      return Optional.of(value);
    } catch (TimeoutException | ExecutionException | RuntimeException e) {
      trip(e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** A call refused while the breaker is open; carries no stack trace. */
  private static final class BreakerOpen extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BreakerOpen() {
      super("online store skipped: its breaker is open", null, false, false);
    }
  }

  private <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> read) {
    long now = System.nanoTime();
    long until = openUntil.get();
    if (open && (now - until < 0 || !openUntil.compareAndSet(until, now + cooldownNanos))) {
      return CompletableFuture.failedFuture(new BreakerOpen());
    }
    try {
      return read.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void trip(Exception e) {
    if (e instanceof ExecutionException && e.getCause() instanceof BreakerOpen) {
      return;
    }
    if (failures.incrementAndGet() < FAILURES_TO_OPEN && !open) {
      log.debug("online store call failed: {}", e.toString());
      return;
    }
    openUntil.set(System.nanoTime() + cooldownNanos);
    if (!open) {
      open = true;
      log.warn(
          "online store failed or was slow; serving without it for {} ms at a time: {}",
          TimeUnit.NANOSECONDS.toMillis(cooldownNanos),
          e.toString());
    }
  }
}
