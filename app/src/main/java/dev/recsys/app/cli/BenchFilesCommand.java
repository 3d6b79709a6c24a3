package dev.recsys.app.cli;

import dev.recsys.candidates.ann.Similarity;
import dev.recsys.candidates.embeddings.Embeddings;
import dev.recsys.candidates.embeddings.EmbeddingsArtifact;
import dev.recsys.candidates.vectors.GroundTruth;
import dev.recsys.candidates.vectors.VectorFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recsys bench files}: trained embeddings as standard ANN benchmark files: the item
 * vectors as the base, a seeded sample of user vectors as queries (what retrieval searches with)
 * and the exact cosine top 100 as the truth, so {@code bench ann} and FAISS read the same files.
 */
@Command(
    name = "files",
    mixinStandardHelpOptions = true,
    description = "Write base.fvecs, query.fvecs and truth.ivecs from an embeddings version.")
final class BenchFilesCommand implements Callable<Integer> {
  static final int TRUTH_K = 100;

  @Option(
      names = "--embeddings",
      required = true,
      paramLabel = "DIR",
      description = "An embeddings version folder (models/embeddings/{version}).")
  private Path embeddings;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
  private Path out;

  @Option(names = "--queries", description = "User vectors to sample (default ${DEFAULT-VALUE}).")
  private int queries = 1_000;

  @Override
  public Integer call() throws IOException {
    Embeddings vectors = EmbeddingsArtifact.read(embeddings).embeddings();
    if (vectors.userVectors().isEmpty()) {
      throw new IllegalArgumentException(embeddings + " holds no user vectors to query with");
    }
    List<float[]> users = new ArrayList<>(vectors.userVectors());
    SplittableRandom random = new SplittableRandom(42);
    for (int i = users.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      users.set(i, users.set(j, users.get(i)));
    }
    List<float[]> sample = users.subList(0, Math.min(queries, users.size()));
    List<int[]> truth =
        GroundTruth.compute(vectors.itemVectors(), sample, TRUTH_K, Similarity.COSINE::score);
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + out, e);
    }
    VectorFiles.writeFvecs(out.resolve("base.fvecs"), vectors.itemVectors());
    VectorFiles.writeFvecs(out.resolve("query.fvecs"), sample);
    VectorFiles.writeIvecs(out.resolve("truth.ivecs"), truth);
    System.out.printf(
        "wrote %,d base vectors, %,d queries and their exact top %d to %s%n",
        vectors.itemVectors().size(), sample.size(), TRUTH_K, out);
    return 0;
  }
}
