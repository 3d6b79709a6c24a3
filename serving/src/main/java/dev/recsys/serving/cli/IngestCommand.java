package dev.recsys.serving.cli;

import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.load.ColumnMapping;
import dev.recsys.ingest.load.FileFormat;
import dev.recsys.ingest.load.FileLoader;
import dev.recsys.ingest.load.LoadOptions;
import dev.recsys.ingest.load.LoadSummary;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.validation.EventTypes;
import dev.recsys.serving.config.RecsysConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code recsys ingest}: bulk-loads CSV or JSON-lines files into the events and items topics. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Load events and/or items from CSV or JSON-lines files into Kafka.",
        "Example (MovieLens ratings.csv): recsys ingest --events ratings.csv "
            + "--map user_id=userId,item_id=movieId,value=rating --time-unit seconds "
            + "--type rating"})
final class IngestCommand implements Callable<Integer> {
  @ParentCommand
  private Recsys root;

  @Option(names = "--events", paramLabel = "FILE", description = "Events file (.csv, .jsonl, "
      + "optionally .gz).")
  private Path events;

  @Option(names = "--items", paramLabel = "FILE", description = "Items file; loaded first.")
  private Path items;

  @Option(names = "--format", description = "csv or jsonl (default: from the extension).")
  private FileFormat format;

  @Option(names = "--map", paramLabel = "FIELD=COLUMN,...",
      description = "Event columns, e.g. user_id=userId,item_id=movieId,value=rating.")
  private String eventMap;

  @Option(names = "--items-map", paramLabel = "FIELD=COLUMN,...",
      description = "Item columns, e.g. item_id=movieId,tags=genres.")
  private String itemMap;

  @Option(names = "--type", paramLabel = "TYPE",
      description = "Event type for rows without a type column, e.g. rating.")
  private String type;

  @Option(names = "--time-unit", description = "Unit of numeric timestamps: ${COMPLETION-"
      + "CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private LoadOptions.TimeUnit timeUnit = LoadOptions.TimeUnit.MILLISECONDS;

  @Option(names = "--delimiter", description = "CSV delimiter (default: ','); use '\\t' for TSV.")
  private String delimiter = ",";

  @Override
  public Integer call() throws IOException {
    if (events == null && items == null) {
      throw new IllegalArgumentException("nothing to load: pass --events FILE and/or --items FILE");
    }
    Optional<EventType> constantType = constantType();
    char delimiter = delimiter();
    RecsysConfig config = root.config();
    String bootstrap = Connections.kafkaWithTopics(config);
    try (EventPublisher publisher = EventPublisher.create(Connections.publisher(bootstrap),
        dev.recsys.schemas.Topics.named(config.topics()), Clock.systemUTC())) {
      FileLoader loader = new FileLoader(publisher, Clock.systemUTC());
      boolean clean = true;
      if (items != null) {
        clean &= report(load(items, itemMap, FileLoader.itemFields(), constantType,
            delimiter, (options, progress) -> loader.loadItems(items, options, progress)));
      }
      if (events != null) {
        clean &= report(load(events, eventMap, FileLoader.eventFields(), constantType,
            delimiter, (options, progress) -> loader.loadEvents(events, options, progress)));
      }
      return clean ? 0 : 3;
    }
  }

  private LoadSummary load(Path file, String map, Set<String> fields,
      Optional<EventType> constantType, char delimiter,
      BiFunction<LoadOptions, LongConsumer, LoadSummary> run) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read " + file.toAbsolutePath());
    }
    LoadOptions options = new LoadOptions(format == null ? FileFormat.of(file) : format,
        ColumnMapping.parse(map, fields), timeUnit, constantType, delimiter);
    try (Progress progress = Progress.of(file.getFileName().toString(), Files.size(file), " MB",
        1 << 20)) {
      return run.apply(options, progress::stepTo);
    }
  }

  private Optional<EventType> constantType() {
    if (type == null) {
      return Optional.empty();
    }
    return Optional.of(EventTypes.parse(type).orElseThrow(() -> new IllegalArgumentException(
        "--type '" + type + "' is not a known event type; use one of " + EventTypes.names())));
  }

  private char delimiter() {
    String d = delimiter.equals("\\t") ? "\t" : delimiter;
    if (d.length() != 1) {
      throw new IllegalArgumentException("--delimiter must be one character, got '" + delimiter
          + "'");
    }
    return d.charAt(0);
  }

  private static boolean report(LoadSummary s) {
    System.out.printf("%s: read %,d, loaded %,d, rejected %,d, failed %,d in %.1f s "
            + "(%,.0f %s/s)%n", s.kind(), s.read(), s.loaded(), s.rejected(), s.failed(),
        s.took().toMillis() / 1000.0, s.perSecond(), s.kind());
    s.topReasons().forEach((reason, count) ->
        System.out.printf("  %,8d × %s%n", count, reason));
    return s.rejected() == 0 && s.failed() == 0;
  }
}
