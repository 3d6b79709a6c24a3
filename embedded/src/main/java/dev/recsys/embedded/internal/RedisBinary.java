package dev.recsys.embedded.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import redis.embedded.RedisExecProvider;
import redis.embedded.util.OsArchitecture;

/**
 * The redis-server 7.0.15 binary bundled in {@code org.signal:embedded-redis}, installed into a directory we own.
 * The library would otherwise extract a fresh 6 MB copy into an anonymous temp directory on every build and leave
 * it until the JVM exits; redis-server also runs with the binary's directory as its working directory.
 */
public final class RedisBinary {

  private RedisBinary() {}

  /**
   * Moves the binary for this platform into {@code dir} (replacing one a previous run left there) and returns a
   * provider that always answers with it.
   */
  public static RedisExecProvider installInto(Path dir) {
    try {
      File extracted = RedisExecProvider.defaultProvider().get();
      Path installed = Files.move(
          extracted.toPath(),
          dir.resolve(extracted.getName()),
          StandardCopyOption.REPLACE_EXISTING);
      Files.delete(extracted.toPath().getParent());
      OsArchitecture platform = OsArchitecture.detect();
      return RedisExecProvider.defaultProvider()
          .override(platform.os(), platform.arch(), installed.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not install the bundled redis-server into " + dir, e);
    }
  }
}
