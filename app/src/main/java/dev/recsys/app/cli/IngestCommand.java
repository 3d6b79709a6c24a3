package dev.recsys.app.cli;

import dev.recsys.app.config.RecsysConfig;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.schemas.KafkaConnection;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code recsys ingest}: bulk-loads CSV or JSON-lines files into the events and items topics. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Load events and/or items from CSV or JSON-lines files into Kafka. Events are "
          + "sorted by event time before they are published (in bounded memory, spilling to "
          + "disk), so a history file ordered by user or id is not refused downstream as late.",
      "Example (MovieLens ratings.csv): recsys ingest --events ratings.csv "
          + "--map user_id=userId,item_id=movieId,value=rating --time-unit seconds "
          + "--type rating",
      "Exits 3 when a row was rejected or an --assume-sorted file was not in time order."
    })
final class IngestCommand implements Callable<Integer> {
  @ParentCommand
  private Recsys root;

  @Mixin
  private FileLoadOptions files;

  @Override
  public Integer call() throws IOException {
    files.checkOptions();
    RecsysConfig config = root.config();
    KafkaConnection kafka = Connections.kafkaWithTopics(config);
    try (EventPublisher publisher = EventPublisher.create(
        Connections.publisher(kafka),
        dev.recsys.schemas.Topics.named(config.topics()),
        Clock.systemUTC())) {
      return files.load(publisher, config) ? 0 : 3;
    }
  }
}
