package dev.recsys.features.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackgroundBatchesTest {

  @Test
  void shouldHandEveryItemToTheSinkInOrderOnAnotherThread() {
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    try (BackgroundBatches<Integer> batches = new BackgroundBatches<>("test-writer", 7, 2, item -> {
      seen.add(item);
      threads.add(Thread.currentThread().getName());
    })) {
      IntStream.range(0, 1_000).forEach(batches::add);
      batches.finish();
    }
    assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 1_000).boxed().toList());
    assertThat(threads).containsOnly("test-writer");
  }

  @Test
  void shouldBlockTheProducerWhenTheQueueIsFull() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger added = new AtomicInteger();
    try (BackgroundBatches<Integer> batches =
        new BackgroundBatches<>("slow-writer", 1, 2, item -> await(release))) {
      Thread producer = new Thread(() -> {
        for (int i = 0; i < 10; i++) {
          batches.add(i);
          added.incrementAndGet();
        }
      });
      producer.start();
      // One batch in the sink, two queued, the fourth hand-over waits.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (added.get() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      producer.join(300);
      assertThat(added.get()).isEqualTo(3);
      assertThat(producer.isAlive()).isTrue();
      release.countDown();
      producer.join(5_000);
      assertThat(added.get()).isEqualTo(10);
      batches.finish();
    }
  }

  @Test
  void shouldReportASinkFailureToTheProducerWithItsCause() {
    BackgroundBatches<Integer> batches = new BackgroundBatches<>("failing-writer", 2, 2, item -> {
      if (item == 5) {
        throw new IllegalArgumentException("row 5 is bad");
      }
    });
    assertThatThrownBy(() -> {
          for (int i = 0; i < 1_000; i++) {
            batches.add(i);
          }
          batches.finish();
        })
        .hasMessageContaining("row 5 is bad")
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
    batches.close();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
