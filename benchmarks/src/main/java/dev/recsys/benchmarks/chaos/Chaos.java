package dev.recsys.benchmarks.chaos;

import dev.recsys.benchmarks.chaos.Verdict.Check;
import dev.recsys.ingest.generate.GeneratorParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The fault suite: real faults injected into the running system on loopback, each scenario with
 * steady-state hypotheses checked during and after the fault, a table at the end, and a non-zero
 * exit when any hypothesis fails.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.recsys.benchmarks.chaos.Chaos \
 *     [--short] [--report docs/RELIABILITY.md] [--work DIR]
 * </pre>
 */
@Command(name = "chaos", mixinStandardHelpOptions = true)
public final class Chaos implements Callable<Integer> {
  @Option(
      names = "--short",
      description = "A smaller data set and shorter phases, for the build's integration tests.")
  private boolean quick;

  @Option(names = "--report", description = "Write the table as Markdown to this file.")
  private Optional<Path> report = Optional.empty();

  @Option(
      names = "--work",
      description = "Where the broker, Redis, logs and models live (default: a new temp dir).")
  private Optional<Path> work = Optional.empty();

  @Option(
      names = "--serve-env",
      paramLabel = "NAME=VALUE",
      description = "A setting for recsys serve, as its environment variable "
          + "(HTTP_MAX_IN_FLIGHT=16); repeatable.")
  private Map<String, String> serveEnv = new LinkedHashMap<>();

  @Option(
      names = "--only",
      paramLabel = "SCENARIO",
      split = ",",
      description = "Run only these: overload, redis, broker, serve-kill, features-kill, "
          + "disk-full (default: all).")
  private Set<String> only = new LinkedHashSet<>();

  /** What {@code --only} takes, in the order the suite runs them. */
  static final List<String> SCENARIOS =
      List.of("overload", "redis", "broker", "serve-kill", "features-kill", "disk-full");

  static final String BEGIN = "<!-- chaos:begin -->";
  static final String END = "<!-- chaos:end -->";

  private final long started = System.nanoTime();

  public static void main(String[] args) {
    System.exit(new CommandLine(new Chaos()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Set<String> unknown = new LinkedHashSet<>(only);
    unknown.removeAll(SCENARIOS);
    if (!unknown.isEmpty()) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--only: no scenario " + unknown + "; the scenarios are " + SCENARIOS);
    }
    Path dir = work.isPresent() ? work.get() : Files.createTempDirectory("recsys-chaos-");
    GeneratorParams params = quick
        ? GeneratorParams.DEFAULT
            .withUsers(400)
            .withItems(200)
            .withCategories(10)
            .withDays(3)
        : GeneratorParams.DEFAULT;
    int seconds = quick ? 4 : 10;
    say("fault suite " + (quick ? "(short) " : "") + "in " + dir.toAbsolutePath()
        + (serveEnv.isEmpty() ? "" : ", serve with " + serveEnv));
    List<Verdict> verdicts = new ArrayList<>();
    try (Fixture fixture = Fixture.start(dir, params, serveEnv, Chaos::say)) {
      Duration half = Duration.ofSeconds(seconds / 2);
      Duration phase = Duration.ofSeconds(seconds / 2 + 1);
      Overload overload = new Overload(fixture, seconds, Chaos::say);
      int capacity = overload.capacity();
      if (selected("overload")) {
        for (int multiple : new int[] {2, 5}) {
          verdicts.add(show(overload.run(capacity, multiple)));
        }
      }
      if (selected("redis")) {
        verdicts.add(show(new RedisFaults(fixture, seconds / 2 + 1, Chaos::say).run(capacity)));
      }
      if (selected("broker")) {
        verdicts.add(
            show(new BrokerRestart(fixture, half, phase, Duration.ofSeconds(seconds), Chaos::say)
                .run()));
      }
      if (selected("serve-kill")) {
        verdicts.add(show(new ServeKill(fixture, half, half, Chaos::say).run()));
      }
      if (selected("features-kill")) {
        verdicts.add(show(new FeaturesKill(fixture, phase, Chaos::say).run()));
      }
      if (selected("disk-full")) {
        verdicts.add(show(new DiskFull(fixture, phase, Chaos::say).run()));
      }
    }
    String table = table(verdicts);
    System.out.println();
    System.out.println(table);
    long failed = verdicts.stream().filter(v -> !v.held()).count();
    say(String.format(
        "%d scenarios, %d failed, in %.1f min",
        verdicts.size(), failed, (System.nanoTime() - started) / 60e9));
    if (report.isPresent()) {
      write(report.get(), table, quick);
    }
    return failed == 0 ? 0 : 1;
  }

  private boolean selected(String scenario) {
    return only.isEmpty() || only.contains(scenario);
  }

  private static Verdict show(Verdict verdict) {
    say((verdict.held() ? "HELD   " : "BROKEN ") + verdict.scenario());
    for (Check check : verdict.checks()) {
      say(String.format(
          "  %s %s: %s", check.held() ? "ok  " : "FAIL", check.hypothesis(), check.measured()));
    }
    return verdict;
  }

  /** One row per hypothesis, Markdown. */
  static String table(List<Verdict> verdicts) {
    StringBuilder out = new StringBuilder(
        "| scenario | fault injected | hypothesis | measured | verdict |\n|---|---|---|---|---|\n");
    for (Verdict verdict : verdicts) {
      boolean first = true;
      for (Check check : verdict.checks()) {
        out.append(String.format(
            "| %s | %s | %s | %s | %s |%n",
            first ? verdict.scenario() : "",
            first ? verdict.faults() : "",
            check.hypothesis(),
            check.measured().replace("\n", "<br>").replace("|", "\\|"),
            check.held() ? "held" : "**failed**"));
        first = false;
      }
    }
    return out.toString();
  }

  /**
   * Writes the table into {@code file} between its {@value #BEGIN} and {@value #END} lines, the
   * prose around them kept; a file without them gets the table alone.
   */
  private void write(Path file, String table, boolean quick) throws IOException {
    String stamped = "<!-- dev.recsys.benchmarks.chaos.Chaos" + (quick ? " --short" : "") + ", "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " -->\n" + table;
    String old = Files.exists(file) ? Files.readString(file) : "";
    int begin = old.indexOf(BEGIN);
    int end = old.indexOf(END);
    String text = begin >= 0 && end > begin
        ? old.substring(0, begin + BEGIN.length()) + "\n" + stamped + old.substring(end)
        : BEGIN + "\n" + stamped + END + "\n";
    Files.writeString(file, text);
    say("table written to " + file.toAbsolutePath());
  }

  private static void say(String line) {
    System.out.println("[chaos] " + line);
  }
}
