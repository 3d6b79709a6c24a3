package dev.recsys.app.cli;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.AnnParams;
import dev.recsys.candidates.embeddings.Embeddings;
import dev.recsys.candidates.embeddings.EmbeddingsArtifact;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recsys build-index}: a JVector index over one embeddings version. */
@Command(
    name = "build-index",
    mixinStandardHelpOptions = true,
    description = "Build the ANN index over the item vectors of models/embeddings/{version}/.")
final class BuildIndexCommand implements Callable<Integer> {
  @Option(
      names = "--embeddings",
      required = true,
      paramLabel = "DIR",
      description = "An embeddings version folder (models/embeddings/{version}).")
  private Path embeddings;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Index folder to write.")
  private Path out;

  @Option(
      names = "--degree",
      defaultValue = "32",
      description = "Graph degree (default ${DEFAULT-VALUE}).")
  private int degree;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    Embeddings vectors = EmbeddingsArtifact.read(embeddings).embeddings();
    AnnIndex index = AnnIndex.graph(
        vectors.dimensions(),
        vectors.itemIds(),
        vectors.itemVectors(),
        AnnParams.DEFAULT.withDegree(degree));
    index.save(out);
    System.out.printf(
        "indexed %,d items (%d dimensions) into %s in %.1f s%n",
        index.size(), index.dimensions(), out, (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
