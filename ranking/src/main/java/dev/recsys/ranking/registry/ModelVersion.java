package dev.recsys.ranking.registry;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** One registered model: its folder and its card. */
public record ModelVersion(String kind, String version, Path dir, ModelCard card) {
  public static final String MODEL_FILE = "model.onnx";

  public ModelVersion {
    requireNonNull(kind, "kind");
    requireNonNull(version, "version");
    requireNonNull(dir, "dir");
    requireNonNull(card, "card");
  }

  public Path onnxFile() {
    return dir.resolve(MODEL_FILE);
  }

  /** A short id for logs and responses: {@code ranker/20261129T085612.123Z}. */
  public String id() {
    return kind + "/" + version;
  }
}
