package dev.recsys.features.offline;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.parquet.ParquetException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives one topic to Parquet: reads committed records only, batches them per partition (one
 * file per event date in each batch), and writes a batch when it is big or old enough, or when
 * its partition is handed to another instance. On (re)assignment each partition drops a flush a
 * crash left incomplete and resumes after its last complete one, so a crash between writing
 * files and committing the group position neither loses nor repeats a record; the group position
 * is committed only so that lag can be watched.
 *
 * <p>A write that fails (disk full, directory read-only) commits nothing: the archiver logs the
 * cause, drops what it had batched, rewinds every partition to its last complete flush and
 * pauses, then reads those records again and retries, every {@link #RETRY_MAX} at most, until
 * writing works. Nothing is lost and, as files are named by their offsets, nothing is archived
 * twice.
 */
final class OfflineArchiver<T extends SpecificRecord> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OfflineArchiver.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration RETRY_FIRST = Duration.ofMillis(500);
  static final Duration RETRY_MAX = Duration.ofSeconds(10);
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final RowFormat<T> format;
  private final OfflineLayout layout;
  private final OfflineConfig config;
  private final ParquetBatchWriter<T> writer;
  private final Map<Integer, Batch<T>> batches = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  /** While writes fail: when to read again, and how long the next pause is. */
  private long pausedUntilNanos;

  private Duration retryIn = RETRY_FIRST;
  private boolean failing;

  OfflineArchiver(
      KafkaConsumer<byte[], byte[]> consumer, RowFormat<T> format, OfflineConfig config) {
    this.consumer = requireNonNull(consumer, "consumer");
    this.format = requireNonNull(format, "format");
    this.config = requireNonNull(config, "config");
    this.layout = config.layout();
    this.writer = new ParquetBatchWriter<>(format, layout);
    this.thread = new Thread(this::run, "offline-archiver-" + format.dataset());
  }

  void start(String topic) {
    consumer.subscribe(List.of(topic), new Resume());
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        resumeWhenDue();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          add(record);
        }
        writeExpired();
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      log.error(
          "offline archiver for {} stopped; restart it to resume after its last file",
          format.dataset(),
          e);
    } finally {
      if (!running) {
        List.copyOf(batches.values()).forEach(batch -> write(batch, true));
      }
      consumer.close();
      writer.close();
    }
  }

  private void add(ConsumerRecord<byte[], byte[]> record) {
    LocalDate date =
        Instant.ofEpochMilli(record.timestamp()).atZone(ZoneOffset.UTC).toLocalDate();
    Batch<T> batch = batches.computeIfAbsent(
        record.partition(), partition -> new Batch<>(partition, System.nanoTime()));
    batch.add(record.offset(), date, record.value() == null ? null : format.decode(record.value()));
    if (batch.rows >= config.maxRows()) {
      write(batch, false);
    }
  }

  private void writeExpired() {
    long now = System.nanoTime();
    for (Batch<T> batch : List.copyOf(batches.values())) {
      if (now - batch.startedNanos >= config.maxAge().toNanos()) {
        write(batch, true);
      }
    }
  }

  /**
   * Writes a batch and commits the group position for lag watching: the consumer's position when
   * the batch holds everything polled from its partition ({@code whole}), which steps past
   * transaction markers, else just after the batch.
   */
  private void write(Batch<T> batch, boolean whole) {
    if (batches.remove(batch.partition) != batch) {
      return; // dropped by a rewind after another batch failed to write
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      writer.write(batch);
    } catch (UncheckedIOException | ParquetException e) {
      rewind(batch, e);
      return;
    }
    if (failing) {
      failing = false;
      retryIn = RETRY_FIRST;
      log.info("offline store for {} writes again under {}", format.dataset(), layout.root());
    }
    TopicPartition partition = new TopicPartition(topicOf(), batch.partition);
    long next = whole ? consumer.position(partition) : batch.last + 1;
    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
  }

  /**
   * After a failed write: nothing committed, every batch dropped, every assigned partition sought
   * back to just after its last complete flush, and reading paused for a while.
   */
  private void rewind(Batch<T> failed, RuntimeException e) {
    if (!failing) {
      log.error(
          "offline store for {} cannot write partition {} offsets {}..{} under {}: {}; nothing is"
              + " committed, retrying from the last complete file until it can",
          format.dataset(),
          failed.partition,
          failed.first,
          failed.last,
          layout.root(),
          rootCause(e));
    } else {
      log.warn("offline store for {} still cannot write: {}", format.dataset(), rootCause(e));
    }
    failing = true;
    batches.clear();
    Set<TopicPartition> assigned = consumer.assignment();
    try {
      Map<Integer, Long> resume = layout.resumeOffsets(format.dataset());
      for (TopicPartition partition : assigned) {
        layout.deletePartialFiles(format.dataset(), partition.partition());
        layout.deleteIncompleteFlushes(format.dataset(), partition.partition());
        Long next = resume.get(partition.partition());
        if (next == null) {
          consumer.seekToBeginning(List.of(partition));
        } else {
          consumer.seek(partition, next);
        }
      }
    } catch (UncheckedIOException cleanup) {
      log.warn(
          "offline store for {}: cannot clean up yet: {}", format.dataset(), rootCause(cleanup));
    }
    consumer.pause(assigned);
    pausedUntilNanos = System.nanoTime() + retryIn.toNanos();
    retryIn =
        retryIn.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retryIn.multipliedBy(2);
  }

  private void resumeWhenDue() {
    if (pausedUntilNanos != 0 && System.nanoTime() >= pausedUntilNanos) {
      pausedUntilNanos = 0;
      consumer.resume(consumer.paused());
    }
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return e.getMessage() + (cause == e ? "" : " (" + cause + ")");
  }

  private String topicOf() {
    return consumer.subscription().iterator().next();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Seeks each assigned partition past its last complete flush; writes what is revoked. */
  private final class Resume implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      for (TopicPartition partition : partitions) {
        Batch<T> batch = batches.get(partition.partition());
        if (batch != null) {
          write(batch, true);
        }
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (pausedUntilNanos != 0) {
        consumer.pause(partitions);
      }
      for (TopicPartition partition : partitions) {
        layout.deletePartialFiles(format.dataset(), partition.partition());
        layout.deleteIncompleteFlushes(format.dataset(), partition.partition());
      }
      Map<Integer, Long> resume = layout.resumeOffsets(format.dataset());
      for (TopicPartition partition : partitions) {
        Long next = resume.get(partition.partition());
        if (next == null) {
          consumer.seekToBeginning(List.of(partition));
        } else {
          consumer.seek(partition, next);
        }
      }
    }
  }
}
