package dev.recsys.candidates.bench;

import dev.recsys.candidates.ann.AnnParams;
import dev.recsys.candidates.ann.Similarity;
import dev.recsys.candidates.vectors.BenchmarkFiles;
import dev.recsys.candidates.vectors.ClusteredVectors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line for {@link AnnBenchmark}, until {@code recsys bench ann} wires it: {@code --base B
 * --query Q --truth T [--k 10] [--widths 10,20,40] [--degree 32] [--beam 100]}, or {@code
 * --generate DIR [--n 100000] [--dims 64] [--queries 1000] [--clusters 100]} to write a synthetic
 * set first.
 */
public final class AnnBenchmarkMain {

  private AnnBenchmarkMain() {}

  public static void main(String[] args) {
    Map<String, String> opts = parse(args);
    BenchmarkFiles files;
    if (opts.containsKey("generate")) {
      ClusteredVectors source = ClusteredVectors.of(intOpt(opts, "dims", 64), 42)
          .withClusters(intOpt(opts, "clusters", ClusteredVectors.DEFAULT_CLUSTERS));
      long start = System.nanoTime();
      files = BenchmarkFiles.write(
          Path.of(opts.get("generate")),
          source,
          intOpt(opts, "n", 100_000),
          intOpt(opts, "queries", 1000),
          100,
          Similarity.COSINE::score);
      System.out.printf("generated in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, files);
    } else {
      files = new BenchmarkFiles(
          Path.of(required(opts, "base")),
          Path.of(required(opts, "query")),
          Path.of(required(opts, "truth")));
    }
    AnnParams params = AnnParams.DEFAULT
        .withDegree(intOpt(opts, "degree", AnnParams.DEFAULT_DEGREE))
        .withBeamWidth(intOpt(opts, "beam", AnnParams.DEFAULT_BEAM_WIDTH));
    List<Integer> widths = opts.containsKey("widths")
        ? Arrays.stream(opts.get("widths").split(",")).map(Integer::parseInt).toList()
        : AnnBenchmark.Options.DEFAULT_WIDTHS;
    AnnBenchmark.run(
        AnnBenchmark.Options.of(files.base(), files.query(), files.truth())
            .withK(intOpt(opts, "k", AnnBenchmark.Options.DEFAULT_K))
            .withWidths(widths)
            .withParams(params),
        System.out);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    return opts;
  }

  private static String required(Map<String, String> opts, String name) {
    String value = opts.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required (or pass --generate DIR)");
    }
    return value;
  }

  private static int intOpt(Map<String, String> opts, String name, int fallback) {
    return opts.containsKey(name) ? Integer.parseInt(opts.get(name)) : fallback;
  }
}
