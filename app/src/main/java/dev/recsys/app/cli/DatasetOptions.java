package dev.recsys.app.cli;

import dev.recsys.ingest.generate.GeneratorParams;
import picocli.CommandLine.Option;

/** The size and seed of the synthetic data set, shared by {@code generate} and {@code demo}. */
final class DatasetOptions {
  @Option(names = "--users", paramLabel = "N", description = "Users (default: ${DEFAULT-VALUE}).")
  int users = GeneratorParams.DEFAULT.users();

  @Option(names = "--items", paramLabel = "N", description = "Items (default: ${DEFAULT-VALUE}).")
  int items = GeneratorParams.DEFAULT.items();

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "Days of history (default: " + "${DEFAULT-VALUE}).")
  int days = GeneratorParams.DEFAULT.days();

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Random seed (default: " + "${DEFAULT-VALUE}).")
  long seed = GeneratorParams.DEFAULT.seed();

  GeneratorParams params() {
    GeneratorParams base = GeneratorParams.DEFAULT;
    return base.withCategories(Math.min(base.categories(), Math.max(1, items)))
        .withUsers(users)
        .withItems(items)
        .withDays(days)
        .withSeed(seed);
  }
}
