package dev.recsys.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Creates the temp directory an embedded server owns and deletes it, with everything inside, when it stops. */
public final class TempDirectory {

  private TempDirectory() {}

  public static Path create(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a temp directory named " + prefix + "*", e);
    }
  }

  /** Deletes {@code dir} and its contents; a directory that is already gone is fine. */
  public static void delete(Path dir) {
    if (Files.notExists(dir)) {
      return;
    }
    try {
      for (Path path : deepestFirst(dir)) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete temp directory " + dir, e);
    }
  }

  private static List<Path> deepestFirst(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
    }
  }
}
