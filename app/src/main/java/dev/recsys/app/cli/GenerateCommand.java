package dev.recsys.app.cli;

import dev.recsys.ingest.generate.DatasetGenerator;
import dev.recsys.ingest.generate.DatasetSummary;
import dev.recsys.ingest.generate.GeneratorParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recsys generate}: writes the seeded synthetic data set as JSON lines. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write a seeded synthetic data set (items.jsonl, events.jsonl) to a folder.")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  private Path out;

  @Mixin
  private DatasetOptions dataset;

  @Override
  public Integer call() throws IOException {
    GeneratorParams params = dataset.params();
    Files.createDirectories(out);
    Path items = out.resolve("items.jsonl");
    Path events = out.resolve("events.jsonl");
    long started = System.nanoTime();
    DatasetSummary summary;
    try (JsonLinesSink sink = new JsonLinesSink(items, events);
        Progress progress = Progress.of("generate", params.estimatedEvents(), " events", 1)) {
      summary = new DatasetGenerator().generate(params, sink, progress::stepTo);
      progress.complete();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "wrote %,d items to %s and %,d events to %s in %.1f s%n",
        summary.items(), items, summary.events(), events, seconds);
    System.out.println(summary);
    System.out.printf("load them with: bin/recsys ingest --items %s --events %s%n", items, events);
    return 0;
  }
}
