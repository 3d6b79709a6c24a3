package dev.recsys.ranking.registry;

import static java.util.Objects.requireNonNull;

import dev.recsys.ranking.RankingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Models under {@code root/models/{kind}/{version}/}. Versions are UTC timestamps, so they sort
 * by name; each kind has a {@code PROMOTED} file naming the version served, replaced atomically.
 */
public final class ModelRegistry {
  private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
  static final String PROMOTED = "PROMOTED";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path models;
  private final Clock clock;

  private ModelRegistry(Path root, Clock clock) {
    this.models = requireNonNull(root, "root").resolve("models");
    this.clock = requireNonNull(clock, "clock");
  }

  public static ModelRegistry at(Path root) {
    return at(root, Clock.systemUTC());
  }

  public static ModelRegistry at(Path root, Clock clock) {
    return new ModelRegistry(root, clock);
  }

  /** Copies the model and its card into a new version folder, which appears whole or not at all. */
  public synchronized ModelVersion register(ModelCard card, byte[] onnx) {
    Path kindDir = models.resolve(checked(card.kind(), "kind"));
    String version = nextVersion(kindDir);
    Path staging = kindDir.resolve(".staging-" + version);
    try {
      Files.createDirectories(staging);
      Files.write(staging.resolve(ModelVersion.MODEL_FILE), onnx);
      card.write(staging.resolve(ModelCard.FILE_NAME));
      Files.move(staging, kindDir.resolve(version), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new RankingException(
          "cannot register a " + card.kind() + " model under " + kindDir
              + "; check that the registry folder is writable",
          e);
    }
    log.info(
        "Registered model {}/{} ({} bytes, {} features)",
        card.kind(),
        version,
        onnx.length,
        card.featureNames().size());
    return get(card.kind(), version);
  }

  public ModelVersion register(ModelCard card, Path onnxFile) {
    try {
      return register(card, Files.readAllBytes(onnxFile));
    } catch (IOException e) {
      throw new RankingException("cannot read ONNX model " + onnxFile, e);
    }
  }

  /** Every version of a kind, oldest first. */
  public List<ModelVersion> list(String kind) {
    Path kindDir = models.resolve(checked(kind, "kind"));
    if (!Files.isDirectory(kindDir)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(kindDir)) {
      return dirs.filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .map(version -> get(kind, version))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + kindDir, e);
    }
  }

  public ModelVersion get(String kind, String version) {
    Path dir = models.resolve(checked(kind, "kind")).resolve(checked(version, "version"));
    if (!Files.isRegularFile(dir.resolve(ModelCard.FILE_NAME))) {
      throw new RankingException("no " + kind + " version '" + version + "' in " + models
          + "; run 'recsys models list' to see the registered versions");
    }
    return new ModelVersion(kind, version, dir, ModelCard.read(dir.resolve(ModelCard.FILE_NAME)));
  }

  /** Points {@code kind} at {@code version}: a temp file moved over the pointer atomically. */
  public synchronized ModelVersion promote(String kind, String version) {
    ModelVersion promoted = get(kind, version);
    Path pointer = models.resolve(kind).resolve(PROMOTED);
    try {
      Path tmp = Files.createTempFile(pointer.getParent(), ".promoted-", ".tmp");
      Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new RankingException(
          "cannot promote " + promoted.id() + "; check that " + pointer + " is writable", e);
    }
    log.info("Promoted model {}", promoted.id());
    return promoted;
  }

  /** The promoted version of {@code kind}, if any. */
  public Optional<ModelVersion> promoted(String kind) {
    Path pointer = models.resolve(checked(kind, "kind")).resolve(PROMOTED);
    try {
      return Files.isRegularFile(pointer)
          ? Optional.of(
              get(kind, Files.readString(pointer, StandardCharsets.UTF_8).strip()))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
  }

  private String nextVersion(Path kindDir) {
    String base = VERSION.format(clock.instant());
    String version = base;
    for (int n = 1; Files.exists(kindDir.resolve(version)); n++) {
      version = base + String.format("-%03d", n);
    }
    return version;
  }

  private static String checked(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " '" + name + "' must match " + NAME.pattern());
    }
    return name;
  }
}
