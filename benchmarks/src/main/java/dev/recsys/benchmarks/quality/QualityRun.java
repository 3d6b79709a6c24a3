package dev.recsys.benchmarks.quality;

import dev.recsys.app.cli.Recsys;
import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.evaluation.split.SplitMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One data set through the whole product on an embedded broker, as docs/QUALITY.md reports it:
 * {@code recsys ingest}; with {@code --validation-at V}, the pipeline trained on the events
 * before V and each repeat policy ({@link RepeatPolicy}) with each ranker recipe
 * ({@link RankerRecipe}: labels, taste) evaluated on [V, T) with the split protocol, the best pair
 * per mode kept (a taste ranker's window is T - V); then the pipeline's models trained on the events before the split only
 * ({@code replay --to T}, {@code train-ranker}, {@code train-embeddings --until T},
 * {@code build-index}) and {@code recsys evaluate --protocol split --at T} against every baseline
 * and {@code --protocol sequential --from T}, with the settings chosen. Every step is the recsys
 * command itself; nothing after T is looked at before the final two.
 */
@Command(name = "quality-run", mixinStandardHelpOptions = true)
public final class QualityRun implements java.util.concurrent.Callable<Integer> {
  @Option(
      names = "--ingest",
      required = true,
      paramLabel = "ARGS",
      description = "The recsys ingest arguments, one string (files, --map, --type, ...).")
  private String ingest;

  @Option(names = "--at", required = true, description = "The split moment T.")
  private String at;

  @Option(names = "--targets", required = true, description = "Types predicted after T.")
  private String targets;

  @Option(names = "--out", required = true, description = "Working folder (models, reports).")
  private Path out;

  @Option(
      names = "--train-embeddings",
      paramLabel = "ARGS",
      defaultValue = "",
      description = "Extra recsys train-embeddings arguments (e.g. --factors 32).")
  private String embeddingArgs;

  @Option(
      names = "--replay",
      paramLabel = "ARGS",
      defaultValue = "",
      description = "Extra recsys replay arguments for every ranker's training set"
          + " (e.g. --negatives-by POPULARITY).")
  private String replayArgs;

  @Option(
      names = "--train-ranker",
      paramLabel = "ARGS",
      defaultValue = "",
      description = "Extra recsys train-ranker arguments (e.g. --algorithm LAMBDAMART).")
  private String rankerArgs;

  @Option(
      names = "--validation-at",
      paramLabel = "V",
      description = "Choose the pipeline's repeat policy and ranker labelling per mode on "
          + "[V, T) (the baselines' validation cut, which recsys evaluate prints).")
  private String validationAt;

  @Option(
      names = "--sequential-max",
      defaultValue = "5000",
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
      Map<SplitMode, Choice> chosen = new EnumMap<>(SplitMode.class);
      for (SplitMode mode : SplitMode.values()) {
        chosen.put(
            mode,
            new Choice(RepeatPolicy.DEFAULT.write(out.resolve("rules")), RankerRecipe.DEFAULT));
      }
      if (validationAt != null) {
        chosen = choose(config);
      }
      Set<RankerRecipe> needed = new LinkedHashSet<>();
      chosen.values().forEach(choice -> needed.add(choice.recipe()));
      Pipeline pipeline = train(config, out, at, needed);
      List<String> modeArgs = List.of(
          "--index",
          pipeline.index(),
          "--ranker",
          pipeline.ranker(chosen.get(SplitMode.NEW_ITEMS).recipe()),
          "--rules",
          chosen.get(SplitMode.NEW_ITEMS).rules().toString(),
          "--repeats-ranker",
          pipeline.ranker(chosen.get(SplitMode.REPEATS).recipe()),
          "--repeats-rules",
          chosen.get(SplitMode.REPEATS).rules().toString());
      List<String> split = new ArrayList<>(List.of(
          "--protocol",
          "split",
          "--at",
          at,
          "--targets",
          targets,
          "--report",
          out.resolve("split.html").toString()));
      split.addAll(modeArgs);
      step(config, "evaluate", split.toArray(String[]::new));
      List<String> sequential = new ArrayList<>(List.of(
          "--from",
          at,
          "--targets",
          targets,
          "--max-requests",
          String.valueOf(sequentialMax),
          "--report",
          out.resolve("sequential.html").toString()));
      sequential.addAll(modeArgs);
      step(config, "evaluate", sequential.toArray(String[]::new));
    }
    return 0;
  }

  /** A mode's pipeline settings: the rules file of a repeat policy and the ranker's recipe. */
  private record Choice(Path rules, RankerRecipe recipe) {}

  /** The pipeline's index and one ranker per recipe, trained on the events before a cut. */
  private record Pipeline(String index, Map<RankerRecipe, String> rankers) {
    String ranker(RankerRecipe recipe) {
      return rankers.get(recipe);
    }
  }

  /** How far back from its cut a taste ranker is labelled: the validation window's length. */
  private Duration tasteWindow() {
    if (validationAt == null) {
      throw new IllegalStateException("a taste ranker needs --validation-at for its window");
    }
    return Duration.between(Instant.parse(validationAt), Instant.parse(at));
  }

  private Pipeline train(Path config, Path dir, String until, Set<RankerRecipe> recipes)
      throws IOException {
    String index = index(config, dir, until);
    String windowStart = null;
    String earlyIndex = null;
    if (recipes.stream().anyMatch(RankerRecipe::taste)) {
      windowStart = Instant.parse(until).minus(tasteWindow()).toString();
      earlyIndex = index(config, dir.resolve("before-window"), windowStart);
    }
    Map<RankerRecipe, String> rankers = new LinkedHashMap<>();
    for (RankerRecipe recipe : recipes) {
      Path train = dir.resolve("train-" + recipe.dirName());
      Path registry = dir.resolve("ranker-" + recipe.dirName());
      List<String> replay =
          new ArrayList<>(List.of("--out", train.toString(), "--to", until, "--positive", targets));
      replay.addAll(recipe.labels().replayArgs());
      if (recipe.taste()) {
        replay.addAll(List.of("--from", windowStart, "--index", earlyIndex));
      }
      replay.addAll(recipe.negativeArgs());
      if (!replayArgs.isBlank()) {
        replay.addAll(Arrays.asList(replayArgs.trim().split("\\s+")));
      }
      step(config, "replay", replay.toArray(String[]::new));
      List<String> trainRanker = new ArrayList<>(
          List.of("--train", train.toString(), "--registry", registry.toString(), "--promote"));
      if (!rankerArgs.isBlank()) {
        trainRanker.addAll(Arrays.asList(rankerArgs.trim().split("\\s+")));
      }
      step(config, "train-ranker", trainRanker.toArray(String[]::new));
      rankers.put(recipe, newest(registry.resolve("models/ranker")).toString());
    }
    return new Pipeline(index, rankers);
  }

  /** Embeddings trained on the events before {@code until} and their index; its folder. */
  private String index(Path config, Path dir, String until) throws IOException {
    List<String> embeddings =
        new ArrayList<>(List.of("--registry", dir.toString(), "--until", until));
    if (!embeddingArgs.isBlank()) {
      embeddings.addAll(Arrays.asList(embeddingArgs.trim().split("\\s+")));
    }
    step(config, "train-embeddings", embeddings.toArray(String[]::new));
    step(
        config,
        "build-index",
        "--embeddings",
        newest(dir.resolve("models/embeddings")).toString(),
        "--out",
        dir.resolve("index").toString());
    return dir.resolve("index").toString();
  }

  /**
   * Each repeat policy with each ranker recipe on [V, T), the pipeline trained before V; the best
   * pair per mode.
   */
  private Map<SplitMode, Choice> choose(Path config) throws IOException {
    Path dir = out.resolve("validation");
    Pipeline pipeline = train(config, dir, validationAt, new LinkedHashSet<>(RankerRecipe.all()));
    Map<SplitMode, Choice> best = new EnumMap<>(SplitMode.class);
    Map<SplitMode, Double> bestNdcg = new EnumMap<>(SplitMode.class);
    for (RankerRecipe recipe : RankerRecipe.all()) {
      for (RepeatPolicy policy : RepeatPolicy.values()) {
        Path file = policy.write(out.resolve("rules"));
        String printed = step(
            config,
            "evaluate",
            "--protocol",
            "split",
            "--at",
            validationAt,
            "--to",
            at,
            "--targets",
            targets,
            "--index",
            pipeline.index(),
            "--ranker",
            pipeline.ranker(recipe),
            "--rules",
            file.toString(),
            "--baselines",
            "none",
            "--report",
            dir.resolve(recipe.dirName() + "-" + policy.fileName().replace(".json", ".html"))
                .toString());
        for (SplitMode mode : SplitMode.values()) {
          double ndcg = pipelineNdcgAt10(printed, mode);
          System.out.printf(
              "validation: ranker on %s, repeat policy %s, %s: pipeline NDCG@10 " + "%.4f%n",
              recipe.label(), policy.label(), mode.label(), ndcg);
          if (!bestNdcg.containsKey(mode) || ndcg > bestNdcg.get(mode)) {
            bestNdcg.put(mode, ndcg);
            best.put(mode, new Choice(file, recipe));
          }
        }
      }
    }
    best.forEach((mode, choice) -> System.out.printf(
        "chosen on validation for %s: ranker on " + "%s, %s%n",
        mode.label(), choice.recipe().label(), choice.rules().getFileName()));
    return best;
  }

  /** The pipeline's NDCG@10 in a mode's table of what recsys evaluate printed. */
  static double pipelineNdcgAt10(String printed, SplitMode mode) {
    int table = printed.indexOf(mode.label() + ": ");
    Matcher row =
        Pattern.compile("\\| (?:\\*\\*)?pipeline(?:\\*\\*)? \\| ([0-9.]+) ").matcher(printed);
    if (table < 0 || !row.find(table)) {
      throw new IllegalStateException(
          "no pipeline row in the " + mode.label() + " table of:\n" + printed);
    }
    return Double.parseDouble(row.group(1));
  }

  /** Runs one recsys command in this process; returns what it printed (also shown). */
  private static String step(Path config, String command, String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString(), command));
    all.addAll(Arrays.asList(args));
    System.out.println("\n$ recsys " + String.join(" ", all.subList(2, all.size())));
    long started = System.nanoTime();
    PrintStream shown = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(
        new PrintStream(new TeeOutputStream(shown, printed), true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Recsys.commandLine().execute(all.toArray(String[]::new));
    } finally {
      System.setOut(shown);
    }
    System.out.printf(
        "(%s exited %d in %.1f s)%n", command, exit, (System.nanoTime() - started) / 1e9);
    if (exit != 0) {
      throw new IllegalStateException("recsys " + command + " failed (exit " + exit + ")");
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** Writes to both streams. */
  private static final class TeeOutputStream extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    TeeOutputStream(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }

    @Override
    public void flush() throws IOException {
      a.flush();
      b.flush();
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
