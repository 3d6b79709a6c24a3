package dev.recsys.benchmarks.ingest;

import dev.recsys.app.demo.TopicCounts;
import dev.recsys.benchmarks.BenchTopics;
import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures events/s into Kafka, acknowledged, and checks the topic holds exactly what was
 * acknowledged. Runs against the embedded broker unless {@code --bootstrap} names one.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.recsys.benchmarks.ingest.IngestThroughput \
 *     --mode client --events 1000000
 * </pre>
 */
@Command(name = "ingest-throughput", mixinStandardHelpOptions = true)
public final class IngestThroughput implements Callable<Integer> {
  @Option(names = "--mode", description = "client or http", required = true)
  private Mode mode;

  @Option(names = "--events", description = "Measured events (default: ${DEFAULT-VALUE}).")
  private int events = 1_000_000;

  @Option(names = "--batch", description = "Events per HTTP request (default: ${DEFAULT-VALUE}).")
  private int batch = 1_000;

  @Option(
      names = "--connections",
      description = "Concurrent HTTP connections (default: " + "${DEFAULT-VALUE}).")
  private int connections = 4;

  @Option(names = "--bootstrap", description = "An external broker instead of the embedded one.")
  private String bootstrap;

  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestThroughput())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args));
  }

  @Override
  public Integer call() throws Exception {
    int warmup = Math.min(100_000, events / 10);
    List<UserEvent> data = SampleEvents.take(warmup + events);
    try (EmbeddedKafka kafka = bootstrap == null ? EmbeddedKafka.start() : null) {
      KafkaConnection servers =
          bootstrap != null ? KafkaConnection.to(bootstrap) : kafka.connection();
      Topics topics =
          Topics.named(TopicNames.DEFAULT.withPrefix("bench-" + System.nanoTime() + "."));
      BenchTopics.create(servers, topics);
      try (EventPublisher publisher =
          EventPublisher.create(PublisherConfig.of(servers), topics, Clock.systemUTC())) {
        Run run = mode == Mode.CLIENT
            ? new ClientRun(publisher)
            : new HttpRun(publisher, batch, connections);
        run.send(data.subList(0, warmup));
        long started = System.nanoTime();
        long acked = run.send(data.subList(warmup, data.size()));
        double seconds = (System.nanoTime() - started) / 1e9;
        run.close();
        long onTopic = TopicCounts.records(servers, topics.events().name());
        System.out.printf(
            "mode=%s events=%d batch=%d connections=%d seconds=%.2f "
                + "events_per_s=%.0f acked=%d on_topic=%d (incl. %d warm-up)%n",
            mode.name().toLowerCase(),
            events,
            batch,
            connections,
            seconds,
            acked / seconds,
            acked,
            onTopic,
            warmup);
        return onTopic == (long) warmup + acked && acked == events ? 0 : 1;
      }
    }
  }

  enum Mode {
    CLIENT,
    HTTP
  }

  /** One way of getting events into Kafka; returns how many were acknowledged. */
  interface Run extends AutoCloseable {
    long send(List<UserEvent> events) throws Exception;

    @Override
    default void close() {}
  }
}
