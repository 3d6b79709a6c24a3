package dev.recsys.app.cli;

import dev.recsys.ranking.registry.ModelCard;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.ranking.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recsys models list | promote}: what is registered, and what is served. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "List registered models or promote a version to be served.")
final class ModelsCommand {
  @Mixin
  private RegistryOption registry;

  @Spec
  private CommandSpec spec;

  @Command(name = "list", description = "List the versions of a kind, oldest first; * = promoted.")
  int list(
      @Parameters(
              paramLabel = "KIND",
              defaultValue = ModelCard.RANKER,
              description = "Model kind (default: ${DEFAULT-VALUE}).")
          String kind) {
    ModelRegistry models = registry.registry();
    Optional<String> promoted = models.promoted(kind).map(ModelVersion::version);
    for (ModelVersion v : models.list(kind)) {
      String mark = promoted.filter(v.version()::equals).isPresent() ? "*" : " ";
      out()
          .printf(
              "%s %s  %-22s %s  %s%n",
              mark,
              v.version(),
              v.card().algorithm(),
              metrics(v.card().metrics()),
              v.card().trainingSetFingerprint());
    }
    if (models.list(kind).isEmpty()) {
      out().println("no " + kind + " models yet: run 'recsys train-ranker --train DIR'");
    }
    return 0;
  }

  @Command(name = "promote", description = "Serve VERSION of KIND (atomic pointer swap).")
  int promote(
      @Parameters(paramLabel = "KIND") String kind,
      @Parameters(paramLabel = "VERSION") String version) {
    ModelVersion v = registry.registry().promote(kind, version);
    out().println("promoted " + v.id() + "; live scorers switch on their next poll");
    return 0;
  }

  private static String metrics(Map<String, Double> metrics) {
    return metrics.entrySet().stream()
        .filter(e -> e.getKey().equals("auc") || e.getKey().equals("ndcg_at_10"))
        .map(e -> String.format("%s=%.4f", e.getKey(), e.getValue()))
        .collect(Collectors.joining(" "));
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
