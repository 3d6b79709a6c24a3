package dev.recsys.candidates.embeddings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.recsys.candidates.vectors.VectorFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The registry layout {@code {models}/embeddings/{version}/}: {@code item_ids.txt} + {@code
 * item_vectors.fvecs}, optionally {@code user_ids.txt} + {@code user_vectors.fvecs}, and {@code
 * model.json} ({@link ModelInfo}).
 */
public final class EmbeddingsArtifact {

  public static final String MODEL_JSON = "model.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A version read back from disk. */
  public record Stored(ModelInfo info, Embeddings embeddings) {}

  private EmbeddingsArtifact() {}

  public static Path directory(Path modelsRoot, String version) {
    return modelsRoot.resolve("embeddings").resolve(version);
  }

  /** Writes the version folder; refuses to overwrite an existing version. */
  public static Path write(Path modelsRoot, ModelInfo info, Embeddings embeddings) {
    Path dir = directory(modelsRoot, info.version());
    try {
      if (Files.exists(dir.resolve(MODEL_JSON))) {
        throw new IllegalStateException("embeddings version '"
            + info.version()
            + "' already exists in "
            + dir
            + "; choose a new version, versions are immutable");
      }
      Files.createDirectories(dir);
      Files.write(dir.resolve("item_ids.txt"), embeddings.itemIds(), StandardCharsets.UTF_8);
      VectorFiles.writeFvecs(dir.resolve("item_vectors.fvecs"), embeddings.itemVectors());
      if (!embeddings.userIds().isEmpty()) {
        Files.write(dir.resolve("user_ids.txt"), embeddings.userIds(), StandardCharsets.UTF_8);
        VectorFiles.writeFvecs(dir.resolve("user_vectors.fvecs"), embeddings.userVectors());
      }
      JSON.writeValue(dir.resolve(MODEL_JSON).toFile(), info);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write embeddings to " + dir + "; check the models folder is writable", e);
    }
  }

  public static Stored read(Path dir) {
    try {
      ModelInfo info = JSON.readValue(dir.resolve(MODEL_JSON).toFile(), ModelInfo.class);
      List<String> itemIds =
          Files.readAllLines(dir.resolve("item_ids.txt"), StandardCharsets.UTF_8);
      List<float[]> items =
          itemIds.isEmpty() ? List.of() : VectorFiles.readFvecs(dir.resolve("item_vectors.fvecs"));
      Path userIds = dir.resolve("user_ids.txt");
      boolean hasUsers = Files.exists(userIds);
      Embeddings embeddings = new Embeddings(
          info.dimensions(),
          itemIds,
          items,
          hasUsers ? Files.readAllLines(userIds, StandardCharsets.UTF_8) : List.of(),
          hasUsers ? VectorFiles.readFvecs(dir.resolve("user_vectors.fvecs")) : List.of());
      return new Stored(info, embeddings);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read embeddings from "
              + dir
              + "; expected model.json, item_ids.txt and item_vectors.fvecs written by"
              + " EmbeddingsArtifact",
          e);
    }
  }
}
