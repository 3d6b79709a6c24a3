package dev.recsys.benchmarks.quality;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.serving.cli.Recsys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One data set through the whole product on an embedded broker, as docs/QUALITY.md reports it:
 * {@code recsys ingest}, then the pipeline's models trained on the events before the split only
 * ({@code replay --to T}, {@code train-ranker}, {@code train-embeddings --until T},
 * {@code build-index}), then {@code recsys evaluate --protocol split --at T} against every
 * baseline and {@code --protocol sequential --from T}. Every step is the recsys command itself.
 */
@Command(name = "quality-run", mixinStandardHelpOptions = true)
public final class QualityRun implements java.util.concurrent.Callable<Integer> {
  @Option(names = "--ingest", required = true, paramLabel = "ARGS",
      description = "The recsys ingest arguments, one string (files, --map, --type, ...).")
  private String ingest;

  @Option(names = "--at", required = true, description = "The split moment T.")
  private String at;

  @Option(names = "--targets", required = true, description = "Types predicted after T.")
  private String targets;

  @Option(names = "--out", required = true, description = "Working folder (models, reports).")
  private Path out;

  @Option(names = "--train-embeddings", paramLabel = "ARGS", defaultValue = "",
      description = "Extra recsys train-embeddings arguments (e.g. --factors 32).")
  private String embeddingArgs;

  @Option(names = "--sequential-max", defaultValue = "5000",
      description = "At most this many held-out interactions in the sequential protocol.")
  private int sequentialMax;

  public static void main(String[] args) {
    System.exit(new CommandLine(new QualityRun()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(out);
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      Path config = out.resolve("recsys.properties");
      Files.writeString(config, "kafka.bootstrap-servers=" + kafka.bootstrapServers() + "\n");
      step(config, "ingest", ingest.trim().split("\\s+"));
      step(config, "replay", "--out", out.resolve("train").toString(), "--to", at, "--positive",
          targets);
      step(config, "train-ranker", "--train", out.resolve("train").toString(), "--registry",
          out.toString(), "--promote");
      List<String> embeddings = new ArrayList<>(List.of("--registry", out.toString(),
          "--until", at));
      if (!embeddingArgs.isBlank()) {
        embeddings.addAll(Arrays.asList(embeddingArgs.trim().split("\\s+")));
      }
      step(config, "train-embeddings", embeddings.toArray(String[]::new));
      step(config, "build-index", "--embeddings", newest(out.resolve("models/embeddings"))
          .toString(), "--out", out.resolve("index").toString());
      String ranker = newest(out.resolve("models/ranker")).toString();
      step(config, "evaluate", "--protocol", "split", "--at", at, "--targets", targets,
          "--index", out.resolve("index").toString(), "--ranker", ranker, "--report",
          out.resolve("split.html").toString());
      step(config, "evaluate", "--from", at, "--targets", targets, "--index",
          out.resolve("index").toString(), "--ranker", ranker, "--max-requests",
          String.valueOf(sequentialMax), "--report", out.resolve("sequential.html").toString());
    }
    return 0;
  }

  private static void step(Path config, String command, String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString(), command));
    all.addAll(Arrays.asList(args));
    System.out.println("\n$ recsys " + String.join(" ", all.subList(2, all.size())));
    long started = System.nanoTime();
    int exit = Recsys.commandLine().execute(all.toArray(String[]::new));
    System.out.printf("(%s exited %d in %.1f s)%n", command, exit,
        (System.nanoTime() - started) / 1e9);
    if (exit != 0) {
      throw new IllegalStateException("recsys " + command + " failed (exit " + exit + ")");
    }
  }

  /** The newest version folder under a registry kind (versions sort by time). */
  private static Path newest(Path kind) throws IOException {
    try (Stream<Path> versions = Files.list(kind)) {
      Optional<Path> newest = versions.filter(Files::isDirectory).max(Path::compareTo);
      return newest.orElseThrow(() -> new IllegalStateException("no version under " + kind));
    }
  }
}
