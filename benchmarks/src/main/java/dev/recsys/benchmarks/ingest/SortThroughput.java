package dev.recsys.benchmarks.ingest;

import dev.recsys.app.demo.TopicCounts;
import dev.recsys.benchmarks.BenchTopics;
import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.ingest.Ack;
import dev.recsys.ingest.EncodedEvent;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.ingest.RecordPublisher;
import dev.recsys.ingest.load.ColumnMapping;
import dev.recsys.ingest.load.FileFormat;
import dev.recsys.ingest.load.FileLoader;
import dev.recsys.ingest.load.LoadOptions;
import dev.recsys.ingest.load.LoadProgress;
import dev.recsys.ingest.load.LoadSummary;
import dev.recsys.ingest.load.TimeOrdering;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.testkit.UserOrderedRatings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Rows/s of {@code recsys ingest} on a ratings file ordered by user (the MovieLens shape): the
 * file is parsed, checked, sorted by event time and published. Measured in file order (no sort),
 * sorted in memory, and sorted through a small memory that forces runs to spill; into a counting
 * publisher that checks the order, or with {@code --kafka} into the embedded broker.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.recsys.benchmarks.ingest.SortThroughput \
 *     --rows 1000000
 * </pre>
 */
@Command(name = "sort-throughput", mixinStandardHelpOptions = true)
public final class SortThroughput implements Callable<Integer> {
  private static final Ack ACK = new Ack("counted", 0, 0);

  @Option(names = "--rows", description = "Rows in the measured file (default: ${DEFAULT-VALUE}).")
  private int rows = 1_000_000;

  @Option(names = "--users", description = "Users in it (default: ${DEFAULT-VALUE}).")
  private int users = 6_000;

  @Option(
      names = "--spill-memory-mib",
      description = "Sort memory of the spilling run, MiB " + "(default: ${DEFAULT-VALUE}).")
  private int spillMemoryMib = 16;

  @Option(names = "--repeat", description = "Timed runs per case (default: ${DEFAULT-VALUE}).")
  private int repeat = 3;

  @Option(names = "--kafka", description = "Publish into the embedded broker instead of counting.")
  private boolean kafka;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SortThroughput()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("sort-throughput-");
    Path file = UserOrderedRatings.write(dir.resolve("ratings.csv"), users, rows, 42);
    Path warmup = UserOrderedRatings.write(dir.resolve("warmup.csv"), users / 5, rows / 5, 7);
    System.out.printf("file: %,d rows, %,d bytes, ordered by user%n", rows, Files.size(file));
    LoadOptions base = new LoadOptions(
        FileFormat.CSV,
        ColumnMapping.parse(UserOrderedRatings.MAPPING, FileLoader.eventFields()),
        LoadOptions.TimeUnit.SECONDS,
        Optional.of(EventType.RATING),
        LoadOptions.DEFAULT_DELIMITER,
        TimeOrdering.sorted());
    Case[] cases = {
      new Case("file order, no sort", base.withOrdering(TimeOrdering.AS_IS)),
      new Case("sorted in memory (256 MiB)", base),
      new Case(
          "sorted, " + spillMemoryMib + " MiB, runs spilled",
          base.withOrdering(TimeOrdering.sorted().withMemory((long) spillMemoryMib << 20))),
    };
    try (EmbeddedKafka broker = kafka ? EmbeddedKafka.start() : null) {
      for (Case c : cases) {
        run(broker, warmup, c, false);
        for (int i = 0; i < repeat; i++) {
          run(broker, file, c, true);
        }
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(warmup);
      Files.deleteIfExists(dir);
    }
    return 0;
  }

  private void run(EmbeddedKafka broker, Path file, Case c, boolean report) throws Exception {
    Topics topics = Topics.named(TopicNames.DEFAULT.withPrefix("sort-" + System.nanoTime() + "."));
    OrderCheck counter = new OrderCheck(c.options().ordering().sortByTime());
    RecordPublisher publisher = counter;
    if (broker != null) {
      BenchTopics.create(broker.connection(), topics);
      publisher =
          EventPublisher.create(PublisherConfig.of(broker.connection()), topics, Clock.systemUTC());
    }
    long start = System.nanoTime();
    LoadSummary summary = new FileLoader(publisher, Clock.systemUTC())
        .loadEvents(file, c.options(), LoadProgress.NONE);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (publisher instanceof AutoCloseable closeable) {
      closeable.close();
    }
    long expected = Files.lines(file).count() - 1;
    if (summary.loaded() != expected) {
      throw new IllegalStateException(
          c.name() + ": loaded " + summary.loaded() + " of " + expected + " rows: " + summary);
    }
    if (broker != null) {
      long onTopic = TopicCounts.records(broker.connection(), topics.events().name());
      if (onTopic != expected) {
        throw new IllegalStateException(
            c.name() + ": " + onTopic + " on the topic, expected " + expected);
      }
    } else if (counter.count != expected) {
      throw new IllegalStateException(
          c.name() + ": counted " + counter.count + ", expected " + expected);
    }
    if (report) {
      System.out.printf(
          "%-32s %,10d rows in %6.2f s = %,9.0f rows/s   spilled runs %d%n",
          c.name(), expected, seconds, expected / seconds, summary.order().spilledRuns());
    }
  }

  private record Case(String name, LoadOptions options) {}

  /** Counts events and, when the load sorts, fails on the first one older than its predecessor. */
  private static final class OrderCheck implements RecordPublisher {
    private static final CompletableFuture<Ack> DONE = CompletableFuture.completedFuture(ACK);
    private final boolean sorted;
    private long count;
    private long last = Long.MIN_VALUE;

    OrderCheck(boolean sorted) {
      this.sorted = sorted;
    }

    @Override
    public CompletableFuture<Ack> send(UserEvent event) {
      return count(event.getTimestamp().toEpochMilli());
    }

    @Override
    public CompletableFuture<Ack> send(EncodedEvent event) {
      return count(event.timestamp());
    }

    private CompletableFuture<Ack> count(long time) {
      if (sorted && time < last) {
        throw new IllegalStateException("event " + count + " at " + time + " after " + last);
      }
      last = time;
      count++;
      return DONE;
    }

    @Override
    public CompletableFuture<Ack> send(ItemUpdate item) {
      throw new UnsupportedOperationException("an events load sends no items");
    }

    @Override
    public void flush() {}
  }
}
