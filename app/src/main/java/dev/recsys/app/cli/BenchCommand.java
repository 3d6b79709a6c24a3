package dev.recsys.app.cli;

import dev.recsys.candidates.ann.AnnParams;
import dev.recsys.candidates.bench.AnnBenchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recsys bench}: in-process benchmarks (JMH ones live in the benchmarks module). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark.",
    subcommands = {BenchCommand.Ann.class, BenchFilesCommand.class})
final class BenchCommand implements Runnable {
  @Override
  public void run() {
    picocli.CommandLine.usage(this, System.out);
  }

  /** {@code recsys bench ann}: build, save, reload and query an ANN index over benchmark files. */
  @Command(
      name = "ann",
      mixinStandardHelpOptions = true,
      description = "Recall@k and single-thread latency per search width over .fvecs/.ivecs files.")
  static final class Ann implements Callable<Integer> {
    @Option(
        names = "--base",
        required = true,
        paramLabel = "B.fvecs",
        description = "Indexed vectors.")
    private Path base;

    @Option(names = "--query", required = true, paramLabel = "Q.fvecs", description = "Queries.")
    private Path query;

    @Option(
        names = "--truth",
        required = true,
        paramLabel = "T.ivecs",
        description = "Exact neighbours of each query (indexes into base), best first.")
    private Path truth;

    @Option(
        names = "--k",
        defaultValue = "10",
        description = "Neighbours per query (default ${DEFAULT-VALUE}).")
    private int k;

    @Option(
        names = "--widths",
        split = ",",
        defaultValue = "10,20,40,80,160",
        description = "Search widths to measure (default ${DEFAULT-VALUE}).")
    private List<Integer> widths;

    @Option(
        names = "--degree",
        defaultValue = "32",
        description = "Graph degree (default ${DEFAULT-VALUE}).")
    private int degree;

    @Option(
        names = "--beam-width",
        defaultValue = "100",
        description = "Build beam width (default ${DEFAULT-VALUE}).")
    private int beamWidth;

    @Override
    public Integer call() {
      AnnParams params = AnnParams.DEFAULT.withDegree(degree).withBeamWidth(beamWidth);
      AnnBenchmark.run(
          AnnBenchmark.Options.of(base, query, truth)
              .withK(k)
              .withWidths(widths)
              .withParams(params),
          System.out);
      return 0;
    }
  }
}
