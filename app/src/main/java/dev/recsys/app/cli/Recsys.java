package dev.recsys.app.cli;

import dev.recsys.app.config.ConfigException;
import dev.recsys.app.config.RecsysConfig;
import dev.recsys.app.config.Settings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recsys}: the entry point of the fat jar. */
@Command(
    name = "recsys",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Event-sourced streaming recommendations on Kafka, Redis and ONNX Runtime.",
    subcommands = {
      DemoCommand.class,
      StandaloneCommand.class,
      ServeCommand.class,
      FeaturesCommand.class,
      IngestCommand.class,
      GenerateCommand.class,
      DlqCommand.class,
      ReplayCommand.class,
      TrainingSetCommand.class,
      SkewCommand.class,
      TrainRankerCommand.class,
      ModelsCommand.class,
      TrainEmbeddingsCommand.class,
      BuildIndexCommand.class,
      EvaluateCommand.class,
      BatchScoreCommand.class,
      BenchCommand.class,
      SchemasCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Recsys implements Runnable {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file (keys like kafka.bootstrap-servers); the environment "
          + "(KAFKA_BOOTSTRAP_SERVERS, ...) overrides it.")
  private Path configFile;

  private RecsysConfig config;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, for running recsys commands in-process (tests, benchmarks). */
  public static CommandLine commandLine() {
    return new CommandLine(new Recsys())
        .setExecutionExceptionHandler(new Failures())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** The configuration, read from the environment and the config file on first use. */
  RecsysConfig config() {
    if (config == null) {
      config = RecsysConfig.load(Settings.of(System.getenv(), Optional.ofNullable(configFile)));
    }
    return config;
  }

  /** Prints failures as one clear message instead of a stack trace. */
  private static final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
      boolean usage = e instanceof ConfigException || e instanceof IllegalArgumentException;
      cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
      if (!usage) {
        org.slf4j.LoggerFactory.getLogger(Recsys.class).debug("failure", e);
        Throwable cause = e.getCause();
        if (cause != null) {
          cmd.getErr().println("caused by: " + cause);
        }
      }
      return usage ? 2 : 1;
    }
  }
}
