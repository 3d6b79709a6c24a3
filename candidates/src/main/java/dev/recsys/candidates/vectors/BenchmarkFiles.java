package dev.recsys.candidates.vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * A base/query/ground-truth triple in the standard ANN benchmark layout: {@code base.fvecs}, {@code
 * query.fvecs}, {@code truth.ivecs} (indexes into base, best first).
 */
public record BenchmarkFiles(Path base, Path query, Path truth) {

  public static final long BASE_STREAM = 1;
  public static final long QUERY_STREAM = 2;

  public static BenchmarkFiles in(Path dir) {
    return new BenchmarkFiles(
        dir.resolve("base.fvecs"), dir.resolve("query.fvecs"), dir.resolve("truth.ivecs"));
  }

  /**
   * Samples base and query vectors from {@code source}, computes exact top-k truth, writes all
   * three.
   */
  public static BenchmarkFiles write(
      Path dir,
      ClusteredVectors source,
      int baseCount,
      int queryCount,
      int k,
      ToDoubleBiFunction<float[], float[]> score) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    BenchmarkFiles files = in(dir);
    List<float[]> base = source.sample(baseCount, BASE_STREAM);
    List<float[]> queries = source.sample(queryCount, QUERY_STREAM);
    VectorFiles.writeFvecs(files.base(), base);
    VectorFiles.writeFvecs(files.query(), queries);
    VectorFiles.writeIvecs(files.truth(), GroundTruth.compute(base, queries, k, score));
    return files;
  }
}
