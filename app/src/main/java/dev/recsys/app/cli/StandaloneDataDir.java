package dev.recsys.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What {@code recsys standalone} keeps in its data dir besides the broker's and Redis's data: which
 * files were loaded (so a second start does not load them again) and whether the models were
 * built. Written atomically after each step succeeds.
 */
final class StandaloneDataDir {
  private static final String STATE = "standalone.properties";
  private static final String FILES = "loaded.files";
  private static final String LOADED_AT = "loaded.at";
  private static final String MODELS_AT = "models.at";

  private final Path dir;
  private final Properties state;

  private StandaloneDataDir(Path dir, Properties state) {
    this.dir = dir;
    this.state = state;
  }

  static StandaloneDataDir open(Path dir) {
    Path absolute = dir.toAbsolutePath();
    Properties state = new Properties();
    try {
      Files.createDirectories(absolute);
      if (Files.exists(absolute.resolve(STATE))) {
        try (Reader in = Files.newBufferedReader(absolute.resolve(STATE))) {
          state.load(in);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the data dir " + absolute, e);
    }
    return new StandaloneDataDir(absolute, state);
  }

  Path path() {
    return dir;
  }

  /** {@code /data/ratings.csv (2,483,723 bytes)}, one per file, items first. */
  static String describe(List<Path> files) {
    return files.stream()
        .map(f -> {
          try {
            return String.format("%s (%,d bytes)", f.toAbsolutePath(), Files.size(f));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.toAbsolutePath(), e);
          }
        })
        .collect(Collectors.joining(", "));
  }

  /** The files loaded into this dir, and when; empty before the first load completed. */
  Optional<String> loaded() {
    return Optional.ofNullable(state.getProperty(FILES))
        .map(files -> files + " on " + state.getProperty(LOADED_AT));
  }

  boolean holds(List<Path> files) {
    return describe(files).equals(state.getProperty(FILES));
  }

  void markLoaded(List<Path> files, Instant at) {
    state.setProperty(FILES, describe(files));
    state.setProperty(LOADED_AT, at.toString());
    state.remove(MODELS_AT);
    save();
  }

  boolean modelsBuilt() {
    return state.getProperty(MODELS_AT) != null;
  }

  void markModelsBuilt(Instant at) {
    state.setProperty(MODELS_AT, at.toString());
    save();
  }

  private void save() {
    Path next = dir.resolve(STATE + ".next");
    try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
      state.store(out, "recsys standalone: what this data dir holds");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + next, e);
    }
    try {
      Files.move(
          next,
          dir.resolve(STATE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(STATE), e);
    }
  }
}
