package dev.recsys.features.training;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items, in batches, to one background thread that drains them in order into a sink. The
 * producer blocks only when {@code queued} batches wait (memory stays bounded); a failure in the
 * sink reaches the producer on its next call. Replay uses it to put the Parquet appends on the
 * second core while the first computes features.
 */
final class BackgroundBatches<T> implements AutoCloseable {
  private final BlockingQueue<List<T>> queue;
  /** Marks the end of the items, by identity. */
  private final List<T> end = new ArrayList<>(0);

  private final int batchSize;
  private final Thread thread;
  private List<T> batch;
  private volatile RuntimeException failure;
  private boolean finished;

  BackgroundBatches(String name, int batchSize, int queued, Consumer<T> sink) {
    requireNonNull(sink, "sink");
    this.queue = new ArrayBlockingQueue<>(queued);
    this.batchSize = batchSize;
    this.batch = new ArrayList<>(batchSize);
    this.thread = new Thread(() -> drain(sink), name);
    thread.setDaemon(true);
    thread.start();
  }

  void add(T item) {
    batch.add(item);
    if (batch.size() == batchSize) {
      hand(batch);
      batch = new ArrayList<>(batchSize);
    }
  }

  /** Hands over what is left and waits until the sink has taken every item. */
  void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (!batch.isEmpty()) {
      hand(batch);
    }
    hand(end);
    join();
    rethrow();
  }

  /** Stops the thread without waiting for the sink to catch up: what is queued is dropped. */
  @Override
  public void close() {
    if (!finished) {
      finished = true;
      thread.interrupt();
      join();
    }
  }

  private void hand(List<T> items) {
    rethrow();
    try {
      while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
        rethrow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing rows to the writer", e);
    }
  }

  private void drain(Consumer<T> sink) {
    try {
      for (List<T> items = queue.take(); items != end; items = queue.take()) {
        items.forEach(sink);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  private void join() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the writer", e);
    }
  }

  private void rethrow() {
    RuntimeException e = failure;
    if (e != null) {
      throw new IllegalStateException("the background writer failed: " + e.getMessage(), e);
    }
  }
}
