package dev.recsys.app.cli;

import dev.recsys.app.config.RecsysConfig;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.load.ColumnMapping;
import dev.recsys.ingest.load.EventOrder;
import dev.recsys.ingest.load.FileFormat;
import dev.recsys.ingest.load.FileLoader;
import dev.recsys.ingest.load.LoadOptions;
import dev.recsys.ingest.load.LoadProgress;
import dev.recsys.ingest.load.LoadSummary;
import dev.recsys.ingest.load.TimeOrdering;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.validation.EventTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/**
 * The files a user loads and how to read them, shared by {@code recsys ingest} and
 * {@code recsys standalone}: each option belongs to one file, and one that does not fit the
 * files given is an error naming it, before anything is read.
 */
final class FileLoadOptions {
  @Option(
      names = "--events",
      paramLabel = "FILE",
      description = "Events file (.csv, .jsonl, " + "optionally .gz).")
  private Path events;

  @Option(names = "--items", paramLabel = "FILE", description = "Items file; loaded first.")
  private Path items;

  @Option(names = "--format", description = "csv or jsonl (default: from the extension).")
  private FileFormat format;

  @Option(
      names = "--map",
      paramLabel = "FIELD=COLUMN,...",
      description = "Events file columns, e.g. user_id=userId,item_id=movieId,value=rating.")
  private String eventMap;

  @Option(
      names = "--items-map",
      paramLabel = "FIELD=COLUMN,...",
      description = "Items file columns, e.g. item_id=movieId,tags=genres.")
  private String itemMap;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "Event type for events rows without a type column, e.g. rating.")
  private String type;

  @Option(
      names = "--time-unit",
      description = "Unit of numeric timestamps in both files: "
          + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private LoadOptions.TimeUnit timeUnit = LoadOptions.TimeUnit.MILLISECONDS;

  @Option(names = "--delimiter", description = "CSV delimiter (default: ','); use '\\t' for TSV.")
  private String delimiter;

  @Option(
      names = "--assume-sorted",
      description = "The events file is in event-time order: "
          + "publish it as it is, without sorting (rows behind are still counted and reported).")
  private boolean assumeSorted;

  @Option(
      names = "--sort-memory",
      paramLabel = "SIZE",
      converter = ByteSizeConverter.class,
      description = "Memory for sorting events by time; beyond it, sorted runs spill to disk "
          + "(default: 256m).")
  private Long sortMemory;

  @Option(
      names = "--temp-dir",
      paramLabel = "DIR",
      description = "Where sorted runs spill (default: java.io.tmpdir); removed afterwards.")
  private Path tempDir;

  /**
   * Loads the items file, then the events file; true when clean. Call {@link #checkOptions()}
   * first, before Kafka is contacted.
   */
  boolean load(EventPublisher publisher, RecsysConfig config) throws IOException {
    Optional<EventType> eventType = constantType();
    FileLoader loader = new FileLoader(publisher, Clock.systemUTC());
    boolean clean = true;
    if (items != null) {
      clean &= report(
          load(
              items,
              itemMap,
              FileLoader.itemFields(),
              Optional.empty(),
              (options, progress) -> loader.loadItems(items, options, progress)),
          config);
    }
    if (events != null) {
      clean &= report(
          load(
              events,
              eventMap,
              FileLoader.eventFields(),
              eventType,
              (options, progress) -> loader.loadEvents(events, options, progress)),
          config);
    }
    return clean;
  }

  boolean hasEvents() {
    return events != null;
  }

  /** The files given, items first. */
  List<Path> files() {
    List<Path> files = new ArrayList<>();
    if (items != null) {
      files.add(items);
    }
    if (events != null) {
      files.add(events);
    }
    return files;
  }

  /** Every option that does not fit the files given, all at once. */
  void checkOptions() {
    List<String> problems = new ArrayList<>();
    if (events == null && items == null) {
      problems.add("nothing to load: pass --events FILE and/or --items FILE");
    }
    if (events == null) {
      requireEvents(
          problems,
          eventMap != null,
          "--map names the events file's columns (for " + "the items file use --items-map)");
      requireEvents(
          problems,
          type != null,
          "--type sets the event type of every events row " + "(items have no type)");
      requireEvents(problems, assumeSorted, "--assume-sorted is about the events file's order");
      requireEvents(problems, sortMemory != null, "--sort-memory sizes the events file's sort");
      requireEvents(
          problems, tempDir != null, "--temp-dir is where the events file's sort " + "spills");
    }
    if (items == null && itemMap != null && events != null) {
      problems.add("--items-map names the items file's columns, but there is no --items FILE "
          + "(for the events file use --map)");
    }
    if (assumeSorted && (sortMemory != null || tempDir != null)) {
      problems.add("--sort-memory and --temp-dir size a sort that --assume-sorted skips: drop "
          + "one or the other");
    }
    if (delimiter != null
        && Optional.ofNullable(format)
            .map(f -> f != FileFormat.CSV)
            .orElseGet(() -> !isCsv(events) && !isCsv(items))) {
      problems.add("--delimiter applies to CSV files, and none is given");
    }
    for (Path file : new Path[] {items, events}) {
      if (file != null && !Files.isReadable(file)) {
        problems.add("cannot read " + file.toAbsolutePath());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    constantType();
    delimiter();
  }

  private void requireEvents(List<String> problems, boolean given, String what) {
    if (given) {
      problems.add(what + ", but there is no --events FILE");
    }
  }

  private static boolean isCsv(Path file) {
    return file != null && FileFormat.of(file) == FileFormat.CSV;
  }

  private LoadSummary load(
      Path file,
      String map,
      Set<String> fields,
      Optional<EventType> constantType,
      BiFunction<LoadOptions, LoadProgress, LoadSummary> run)
      throws IOException {
    LoadOptions options = new LoadOptions(
        format == null ? FileFormat.of(file) : format,
        ColumnMapping.parse(map, fields),
        timeUnit,
        constantType,
        delimiter(),
        ordering());
    try (LoadBars progress = new LoadBars(file.getFileName().toString(), Files.size(file))) {
      return run.apply(options, progress);
    }
  }

  private TimeOrdering ordering() {
    if (assumeSorted) {
      return TimeOrdering.AS_IS;
    }
    TimeOrdering sorted = TimeOrdering.sorted();
    sorted = sortMemory == null ? sorted : sorted.withMemory(sortMemory);
    return tempDir == null ? sorted : sorted.withTempDir(tempDir);
  }

  /** The --type every events row gets, when given. */
  Optional<EventType> constantType() {
    if (type == null) {
      return Optional.empty();
    }
    return Optional.of(EventTypes.parse(type)
        .orElseThrow(() -> new IllegalArgumentException(
            "--type '" + type + "' is not a known event type; use one of " + EventTypes.names())));
  }

  private char delimiter() {
    if (delimiter == null) {
      return LoadOptions.DEFAULT_DELIMITER;
    }
    String d = delimiter.equals("\\t") ? "\t" : delimiter;
    if (d.length() != 1) {
      throw new IllegalArgumentException(
          "--delimiter must be one character, got '" + delimiter + "'");
    }
    return d.charAt(0);
  }

  private static boolean report(LoadSummary s, RecsysConfig config) {
    System.out.printf(
        "%s: read %,d, loaded %,d, rejected %,d, failed %,d in %.1f s " + "(%,.0f %s/s)%n",
        s.kind(),
        s.read(),
        s.loaded(),
        s.rejected(),
        s.failed(),
        s.took().toMillis() / 1000.0,
        s.perSecond(),
        s.kind());
    s.topReasons().forEach((reason, count) -> System.out.printf("  %,8d × %s%n", count, reason));
    boolean orderKept = reportOrder(s.order(), config);
    return s.rejected() == 0 && s.failed() == 0 && orderKept;
  }

  /** Says how the events were ordered; false when they were published out of time order. */
  private static boolean reportOrder(EventOrder order, RecsysConfig config) {
    if (order.equals(EventOrder.NONE) || order.inOrder()) {
      return true;
    }
    String behind = String.format(
        "%,d rows came after a row with a later event time (by up to " + "%s)",
        order.rowsBehind(), readable(order.maxBehind()));
    if (order.sorted()) {
      System.out.printf(
          "  the file was not in event-time order: %s; sorted by event time "
              + "before publishing (%s)%n",
          behind,
          order.spilledRuns() == 0
              ? "in memory"
              : order.spilledRuns() + " sorted runs spilled to disk");
      return true;
    }
    System.out.printf(
        "  WARNING: the file is not in event-time order: %s, and --assume-sorted "
            + "published it in file order. The feature pipeline refuses an event more than "
            + "features.grace (%s) behind the newest on its partition, so these rows may be "
            + "dead-lettered as late. Load the file into fresh topics without --assume-sorted.%n",
        behind, readable(config.intake().grace()));
    return false;
  }

  /** {@code 8,123 days}, {@code 5 h}, {@code 12 min}, {@code 40 s}. */
  static String readable(Duration d) {
    if (d.toDays() >= 2) {
      return String.format("%,d days", d.toDays());
    }
    if (d.toHours() >= 2) {
      return d.toHours() + " h";
    }
    if (d.toMinutes() >= 2) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() + " s";
  }
}
