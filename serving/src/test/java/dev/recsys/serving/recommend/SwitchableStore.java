package dev.recsys.serving.recommend;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.store.OnlineFeatures;
import dev.recsys.features.store.OnlineStore;
import dev.recsys.features.store.StoreUnavailableException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An online store that works, fails at once, or hangs until switched back. Its async reads
 * behave as Redis's do: a hang holds the answer back, never the caller's thread.
 */
final class SwitchableStore implements OnlineStore {
  enum Mode {
    WORK,
    FAIL,
    HANG
  }

  private final OnlineStore delegate;
  private volatile Mode mode = Mode.WORK;
  private volatile CountDownLatch release = new CountDownLatch(0);

  SwitchableStore(OnlineStore delegate) {
    this.delegate = delegate;
  }

  void set(Mode next) {
    if (next == Mode.HANG) {
      release = new CountDownLatch(1);
    } else {
      release.countDown();
    }
    mode = next;
  }

  private void check() {
    if (mode == Mode.FAIL) {
      throw new StoreUnavailableException("switched off", null);
    }
    if (mode == Mode.HANG) {
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new StoreUnavailableException("hung", null);
    }
  }

  @Override
  public void write(List<FeatureVector> vectors) {
    delegate.write(vectors);
  }

  @Override
  public OnlineFeatures read(String userId, Collection<String> itemIds) {
    check();
    return delegate.read(userId, itemIds);
  }

  @Override
  public void forEachUserId(java.util.function.Consumer<String> action) {
    delegate.forEachUserId(action);
  }

  @Override
  public List<String> trending(int n) {
    check();
    return delegate.trending(n);
  }

  @Override
  public CompletableFuture<OnlineFeatures> readAsync(String userId, Collection<String> itemIds) {
    return answer(() -> delegate.read(userId, itemIds));
  }

  @Override
  public CompletableFuture<Map<String, FeatureVector>> readItemsAsync(Collection<String> itemIds) {
    return answer(() -> delegate.readItems(itemIds));
  }

  @Override
  public CompletableFuture<List<String>> trendingAsync(int n) {
    return answer(() -> delegate.trending(n));
  }

  private <T> CompletableFuture<T> answer(Supplier<T> read) {
    return switch (mode) {
      case WORK -> CompletableFuture.completedFuture(read.get());
      case FAIL ->
        CompletableFuture.failedFuture(new StoreUnavailableException("switched off", null));
      case HANG ->
        CompletableFuture.supplyAsync(() -> {
          check();
          return read.get();
        });
    };
  }

  @Override
  public void close() {
    release.countDown();
  }
}
