package dev.recsys.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedRedisIT {

  private final EmbeddedRedis redis = EmbeddedRedis.start();
  private final RedisClient client = RedisClient.create();

  @AfterAll
  void closeRedis() {
    client.shutdown();
    redis.close();
  }

  @Test
  void shouldAnswerPingAndStoreValues() {
    try (StatefulRedisConnection<String, String> connection = connect()) {
      RedisCommands<String, String> commands = connection.sync();

      assertThat(commands.ping()).isEqualTo("PONG");
      commands.set("greeting", "hello");
      assertThat(commands.get("greeting")).isEqualTo("hello");
    }
    assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
  }

  @Test
  void shouldRefuseConnectionsWhileStoppedAndServeAgainOnTheSamePortAfterRestart() {
    int port = redis.port();

    redis.stop();
    assertThat(redis.isRunning()).isFalse();
    assertThatThrownBy(this::connect).isInstanceOf(RedisConnectionException.class);

    redis.restart();
    assertThat(redis.port()).isEqualTo(port);
    try (StatefulRedisConnection<String, String> connection = connect()) {
      assertThat(connection.sync().ping()).isEqualTo("PONG");
    }
  }

  @Test
  void shouldPersistNothingAcrossRestarts() throws IOException {
    try (StatefulRedisConnection<String, String> connection = connect()) {
      connection.sync().set("user:1", "clicked");
    }

    redis.restart();

    try (StatefulRedisConnection<String, String> connection = connect()) {
      assertThat(connection.sync().get("user:1")).isNull();
    }
    assertThat(filesIn(redis.dataDir())).singleElement().asString().startsWith("redis-server-");
  }

  @Test
  void shouldDeleteItsDirectoryWhenClosed() {
    EmbeddedRedis other = EmbeddedRedis.start();
    Path dataDir = other.dataDir();
    assertThat(dataDir).isDirectory();

    other.close();

    assertThat(other.isRunning()).isFalse();
    assertThat(dataDir).doesNotExist();
  }

  private StatefulRedisConnection<String, String> connect() {
    return client.connect(RedisURI.create(redis.uri()));
  }

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).toList();
    }
  }
}
