package dev.recsys.ranking.scoring;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scorer with a reference count: the live scorer holds one reference, each request in flight
 * one more; the session closes when the last reference is released after a swap.
 */
final class SharedScorer {
  private final Scorer scorer;
  private final AtomicInteger refs = new AtomicInteger(1);

  SharedScorer(Scorer scorer) {
    this.scorer = scorer;
  }

  Scorer scorer() {
    return scorer;
  }

  /** Takes a reference unless the scorer is already retired and closed. */
  boolean tryAcquire() {
    for (int r = refs.get(); r > 0; r = refs.get()) {
      if (refs.compareAndSet(r, r + 1)) {
        return true;
      }
    }
    return false;
  }

  void release() {
    if (refs.decrementAndGet() == 0) {
      scorer.close();
    }
  }
}
