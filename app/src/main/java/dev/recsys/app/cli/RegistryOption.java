package dev.recsys.app.cli;

import dev.recsys.ranking.registry.ModelRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --registry DIR}: the folder holding {@code models/}, shared by model commands. */
final class RegistryOption {
  @Option(
      names = "--registry",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Folder holding models/{kind}/{version}/ (default: ${DEFAULT-VALUE}).")
  private Path root;

  /** The folder holding {@code models/}. */
  Path root() {
    return root;
  }

  ModelRegistry registry() {
    return ModelRegistry.at(root);
  }
}
