package dev.recsys.candidates.bench;

import static java.util.Objects.requireNonNull;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.AnnParams;
import dev.recsys.candidates.ann.ItemFilter;
import dev.recsys.candidates.ann.ScoredItem;
import dev.recsys.candidates.vectors.GroundTruth;
import dev.recsys.candidates.vectors.VectorFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Builds a graph index over {@code base}, saves and reloads it, then for each search width prints
 * {@code width=W recall@K=R p50_us=X p99_us=Y} from single-threaded queries after a warm-up pass.
 * Every width is measured in {@value #ROUNDS} rounds, the widths taking turns, and the median of
 * the rounds' percentiles is printed: on this shared VM the same width's p50 moved from 69 to 102
 * us within one run, and a single pass per width credited that to whichever width it fell on.
 */
public final class AnnBenchmark {

  /**
   * @param widths search widths to measure, each at least k
   * @param indexDir where the index is saved and reloaded from; null for a temporary directory
   */
  public record Options(
      Path base,
      Path query,
      Path truth,
      int k,
      List<Integer> widths,
      AnnParams params,
      Path indexDir) {

    public static final int DEFAULT_K = 10;
    public static final List<Integer> DEFAULT_WIDTHS = List.of(10, 20, 40, 80, 160);

    public Options {
      requireNonNull(base, "base");
      requireNonNull(query, "query");
      requireNonNull(truth, "truth");
      requireNonNull(params, "params");
      widths = List.copyOf(widths);
      if (k <= 0 || widths.isEmpty()) {
        throw new IllegalArgumentException(
            "k must be > 0 and widths non-empty, got k=" + k + " widths=" + widths);
      }
    }

    public static Options of(Path base, Path query, Path truth) {
      return new Options(base, query, truth, DEFAULT_K, DEFAULT_WIDTHS, AnnParams.DEFAULT, null);
    }

    public Options withK(int value) {
      return new Options(base, query, truth, value, widths, params, indexDir);
    }

    public Options withWidths(List<Integer> value) {
      return new Options(base, query, truth, k, value, params, indexDir);
    }

    public Options withParams(AnnParams value) {
      return new Options(base, query, truth, k, widths, value, indexDir);
    }

    public Options withIndexDir(Path value) {
      return new Options(base, query, truth, k, widths, params, value);
    }
  }

  /** One measured width. */
  public record Line(int width, double recall, double p50Micros, double p99Micros) {
    String format(int k) {
      return String.format(
          Locale.ROOT,
          "width=%d recall@%d=%.4f p50_us=%.1f p99_us=%.1f",
          width,
          k,
          recall,
          p50Micros,
          p99Micros);
    }
  }

  private static final int WARM_UP_PASSES = 2;
  static final int ROUNDS = 5;

  private AnnBenchmark() {}

  public static List<Line> run(Options options, PrintStream out) {
    List<float[]> base = VectorFiles.readFvecs(options.base());
    List<float[]> queries = VectorFiles.readFvecs(options.query());
    List<int[]> truth = VectorFiles.readIvecs(options.truth());
    int dims = base.get(0).length;
    List<String> ids =
        IntStream.range(0, base.size()).mapToObj(Integer::toString).toList();
    out.printf(
        Locale.ROOT,
        "base=%d query=%d dims=%d %s%n",
        base.size(),
        queries.size(),
        dims,
        options.params());

    long start = System.nanoTime();
    AnnIndex built = AnnIndex.graph(dims, ids, base, options.params());
    out.printf(Locale.ROOT, "build_s=%.2f%n", seconds(start));
    Path dir = indexDir(options);
    start = System.nanoTime();
    built.save(dir);
    out.printf(Locale.ROOT, "save_s=%.2f%n", seconds(start));
    start = System.nanoTime();
    AnnIndex index = AnnIndex.load(dir);
    out.printf(Locale.ROOT, "load_s=%.2f size=%d%n", seconds(start), index.size());

    int widest = options.widths().stream().mapToInt(Integer::intValue).max().orElseThrow();
    for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
      measure(index, queries, options.k(), widest);
    }
    List<Integer> widths = options.widths();
    List<List<Line>> rounds = new ArrayList<>();
    for (int width : widths) {
      rounds.add(new ArrayList<>());
    }
    for (int round = 0; round < ROUNDS; round++) {
      for (int w = 0; w < widths.size(); w++) {
        int width = widths.get(w);
        rounds
            .get(w)
            .add(measure(index, queries, options.k(), width).toLine(truth, options.k(), width));
      }
    }
    List<Line> lines = new ArrayList<>();
    for (List<Line> measured : rounds) {
      Line line = median(measured);
      out.println(line.format(options.k()));
      lines.add(line);
    }
    return lines;
  }

  /** One width's rounds: the last recall (the search is deterministic) and the median latencies. */
  private static Line median(List<Line> rounds) {
    double[] p50 = rounds.stream().mapToDouble(Line::p50Micros).sorted().toArray();
    double[] p99 = rounds.stream().mapToDouble(Line::p99Micros).sorted().toArray();
    Line last = rounds.get(rounds.size() - 1);
    return new Line(last.width(), last.recall(), p50[p50.length / 2], p99[p99.length / 2]);
  }

  private record Pass(List<int[]> answers, long[] nanos) {
    Line toLine(List<int[]> truth, int k, int width) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Line(
          width,
          GroundTruth.recall(truth, answers, k),
          percentile(sorted, 0.50) / 1000.0,
          percentile(sorted, 0.99) / 1000.0);
    }
  }

  private static Pass measure(AnnIndex index, List<float[]> queries, int k, int width) {
    List<int[]> answers = new ArrayList<>(queries.size());
    long[] nanos = new long[queries.size()];
    for (int q = 0; q < queries.size(); q++) {
      long start = System.nanoTime();
      List<ScoredItem> items =
          index.search(queries.get(q), k, ItemFilter.ALL, width).items();
      nanos[q] = System.nanoTime() - start;
      answers.add(
          items.stream().mapToInt(item -> Integer.parseInt(item.itemId())).toArray());
    }
    return new Pass(answers, nanos);
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static Path indexDir(Options options) {
    try {
      return options.indexDir() != null
          ? options.indexDir()
          : Files.createTempDirectory("ann-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create a temporary index directory; pass an index dir", e);
    }
  }
}
