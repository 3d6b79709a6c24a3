package dev.recsys.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TempDirectoryTest {

  @Test
  void shouldDeleteTheDirectoryWithEverythingInside() throws IOException {
    Path dir = TempDirectory.create("recsys-test-");
    Files.writeString(Files.createDirectories(dir.resolve("a/b")).resolve("file.log"), "data");

    TempDirectory.delete(dir);

    assertThat(dir).doesNotExist();
  }

  @Test
  void shouldAcceptDeletingADirectoryThatIsAlreadyGone() {
    Path dir = TempDirectory.create("recsys-test-");
    TempDirectory.delete(dir);

    TempDirectory.delete(dir);

    assertThat(dir).doesNotExist();
  }
}
