package dev.recsys.features.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * An iterator filled by a background thread that reads a source iterator and maps each element,
 * a bounded number of batches ahead. Order is kept; a failure of the source or the mapping
 * reaches the reader, with its cause, when it gets there. Replay reads and decodes each partition
 * this way while the merge and the features run on the calling thread.
 */
final class ReadAhead<T> implements Iterator<T>, AutoCloseable {
  private static final int BATCH = 512;
  private static final int BATCHES_AHEAD = 8;
  private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
  /** Marks the end of the source, by identity. */
  private final List<T> end = new ArrayList<>(0);

  private final Thread thread;
  private volatile RuntimeException failure;
  private Iterator<T> current = Collections.emptyIterator();
  private boolean done;

  <S> ReadAhead(String name, Iterator<S> source, Function<S, T> map) {
    this.thread = new Thread(() -> fill(source, map), name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (done) {
        return false;
      }
      List<T> next = take();
      if (next == end) {
        done = true;
        RuntimeException e = failure;
        if (e != null) {
          throw new IllegalStateException("reading ahead failed: " + e.getMessage(), e);
        }
        return false;
      }
      current = next.iterator();
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("read to the end");
    }
    return current.next();
  }

  /** Stops the thread (if still reading) and waits for it. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private <S> void fill(Iterator<S> source, Function<S, T> map) {
    List<T> batch = new ArrayList<>(BATCH);
    try {
      try {
        while (source.hasNext()) {
          batch.add(map.apply(source.next()));
          if (batch.size() == BATCH) {
            queue.put(batch);
            batch = new ArrayList<>(BATCH);
          }
        }
      } catch (RuntimeException e) {
        failure = e;
      }
      if (!batch.isEmpty()) {
        queue.put(batch);
      }
      queue.put(end);
    } catch (InterruptedException e) {
      // Closed before the end: the reader is gone.
      Thread.currentThread().interrupt();
    }
  }

  private List<T> take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for records", e);
    }
  }
}
