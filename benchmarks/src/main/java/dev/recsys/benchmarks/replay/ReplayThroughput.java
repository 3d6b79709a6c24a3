package dev.recsys.benchmarks.replay;

import dev.recsys.app.demo.PublishingSink;
import dev.recsys.benchmarks.BenchTopics;
import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.features.ReplayJob;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.replay.LabelPolicy;
import dev.recsys.features.replay.ReplayEngine;
import dev.recsys.features.replay.ReplaySummary;
import dev.recsys.features.replay.SourcedEvent;
import dev.recsys.features.training.TrainingSetWriter;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.ingest.generate.DatasetGenerator;
import dev.recsys.ingest.generate.DatasetSink;
import dev.recsys.ingest.generate.GeneratorParams;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.TopicNames;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Events/s of a replay into a training set (Parquet written): {@code --mode kafka} reads the
 * events back from a real broker as {@code recsys replay} does; {@code --mode memory} feeds the
 * encoded events from memory, to isolate the engine.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.recsys.benchmarks.replay.ReplayThroughput \
 *     --users 10000 --mode kafka
 * </pre>
 */
@Command(name = "replay-throughput", mixinStandardHelpOptions = true)
public final class ReplayThroughput implements Callable<Integer> {
  private static final int PARTITIONS = 4;

  @Option(names = "--users", description = "Users in the data set (default: ${DEFAULT-VALUE}).")
  private int users = 10_000;

  @Option(names = "--mode", description = "kafka or memory (default: ${DEFAULT-VALUE}).")
  private String mode = "kafka";

  @Option(
      names = "--negatives",
      description = "Negatives per positive (default: ${DEFAULT-VALUE}).")
  private int negatives = LabelPolicy.DEFAULT_NEGATIVES;

  @Option(names = "--runs", description = "Timed runs (default: ${DEFAULT-VALUE}).")
  private int runs = 3;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReplayThroughput()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    GeneratorParams params = GeneratorParams.DEFAULT.withUsers(users);
    LabelPolicy labels = LabelPolicy.DEFAULT.withNegatives(negatives);
    if (mode.equals("memory")) {
      Map<String, ItemUpdate> catalog = new HashMap<>();
      List<List<SourcedEvent>> partitions = encode(params, catalog);
      for (int run = 0; run < runs; run++) {
        Path out = Files.createTempDirectory("bench-replay-");
        long started = System.nanoTime();
        ReplaySummary summary;
        try (TrainingSetWriter writer = TrainingSetWriter.create(out)) {
          List<Iterator<SourcedEvent>> cursors =
              partitions.stream().map(List::iterator).toList();
          summary = new ReplayEngine(IntakePolicy.DEFAULT, labels, catalog)
              .run(cursors, Collections.emptyIterator(), writer, read -> {});
          writer.finish(labels.from(), labels.to(), "bench", "core:v1");
        }
        report(run, summary, System.nanoTime() - started);
      }
      return 0;
    }
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      KafkaConnection bootstrap = kafka.connection();
      Topics topics = BenchTopics.create(bootstrap, Topics.named(TopicNames.DEFAULT));
      publish(bootstrap, topics, params);
      for (int run = 0; run < runs; run++) {
        ReplayJob.Result result = new ReplayJob(
                bootstrap,
                topics,
                FeatureSet.CORE_V1,
                IntakePolicy.DEFAULT,
                labels,
                null,
                Files.createTempDirectory("bench-replay-"))
            .run(read -> {});
        report(run, result.summary(), result.took().toNanos());
      }
    }
    return 0;
  }

  private static void report(int run, ReplaySummary s, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(
        "run %d: %,d events, %,d rows in %.2f s = %,.0f events/s%n",
        run + 1, s.eventsRead(), s.rows(), seconds, s.eventsRead() / seconds);
  }

  private static List<List<SourcedEvent>> encode(
      GeneratorParams params, Map<String, ItemUpdate> catalog) {
    List<List<SourcedEvent>> partitions = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      partitions.add(new ArrayList<>());
    }
    new DatasetGenerator().generate(params, new DatasetSink() {
      @Override
      public void item(ItemUpdate item) {
        catalog.put(item.getItemId(), item);
      }

      @Override
      public void event(UserEvent event) {
        List<SourcedEvent> partition =
            partitions.get(Math.floorMod(event.getUserId().hashCode(), PARTITIONS));
        partition.add(new SourcedEvent(
            0,
            partition.size(),
            event.getTimestamp().toEpochMilli(),
            Codecs.USER_EVENT.encode(event)));
      }
    });
    for (int p = 0; p < PARTITIONS; p++) {
      List<SourcedEvent> events = partitions.get(p);
      for (int n = 0; n < events.size(); n++) {
        SourcedEvent e = events.get(n);
        events.set(n, new SourcedEvent(p, e.offset(), e.recordTimestamp(), e.value()));
      }
    }
    return partitions;
  }

  private static void publish(KafkaConnection bootstrap, Topics topics, GeneratorParams params) {
    try (EventPublisher publisher =
        EventPublisher.create(PublisherConfig.of(bootstrap), topics, Clock.systemUTC())) {
      PublishingSink sink = new PublishingSink(publisher);
      new DatasetGenerator().generate(params, sink);
      sink.awaitAcknowledged();
    }
  }
}
