package dev.recsys.features.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedRuntimeExtension.class)
class RedisOnlineStoreIT extends OnlineStoreContract {
  private final EmbeddedRedis redis;
  private final RedisOnlineStore store;

  RedisOnlineStoreIT(EmbeddedRedis redis) {
    this.redis = redis;
    this.store = RedisOnlineStore.connect(
        OnlineStoreConfig.of(redis.uri(), FeatureSet.CORE_V1).withUserTtl(Duration.ofHours(2)));
  }

  @Override
  OnlineStore store() {
    return store;
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void shouldExpireUsersButKeepItemsInTheNamespaceOfTheFeatureSet() {
    store.write(List.of(user("u-ttl", Map.of("user.click_1h", 1.0)), item("i-ttl", 0.1)));
    RedisClient client = RedisClient.create(redis.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      long userTtl = connection.sync().pttl("core:v1:u:u-ttl");
      assertThat(userTtl)
          .isBetween(
              Duration.ofHours(2).minusMinutes(1).toMillis(),
              Duration.ofHours(2).toMillis());
      assertThat(connection.sync().pttl("core:v1:i:i-ttl")).isEqualTo(-1);
      assertThat(connection.sync().hget("core:v1:u:u-ttl", "user.click_1h")).isEqualTo("1.0");
    } finally {
      client.shutdown();
    }
    try (RedisOnlineStore v2 =
        RedisOnlineStore.connect(OnlineStoreConfig.of(redis.uri(), new FeatureSet("core", 2)))) {
      assertThat(v2.read("u-ttl", List.of("i-ttl")).user()).isEmpty();
    }
  }

  @Test
  void shouldFailClearlyWhenRedisIsDown() {
    redis.stop();
    try {
      assertThatThrownBy(() -> store.read("u1", List.of()))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("read features of user u1");
    } finally {
      redis.restart();
    }
  }

  @Test
  void shouldFailFastWhileRedisIsDownAndReadAgainSoonAfterItIsBack() throws Exception {
    store.write(List.of(user("u-back", Map.of("user.click_1h", 2.0))));
    redis.stop();
    try {
      Thread.sleep(300); // the client notices the lost connection
      long start = System.nanoTime();
      assertThatThrownBy(() -> store.write(List.of(user("u-back", Map.of("user.click_1h", 3.0)))))
          .isInstanceOf(StoreUnavailableException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("rejected at once, not after the %s timeout", OnlineStoreConfig.DEFAULT_TIMEOUT)
          .isLessThan(Duration.ofSeconds(1));
      Thread.sleep(3_000); // long enough for the default back-off to pass 2 s
    } finally {
      redis.restart();
    }
    long restarted = System.nanoTime();
    while (true) {
      try {
        // This Redis restarts empty: a write the client had kept back would show up now.
        assertThat(store.read("u-back", List.of()).user())
            .as("the rejected write never ran later")
            .isEmpty();
        store.write(List.of(user("u-back", Map.of("user.click_1h", 4.0))));
        assertThat(store.read("u-back", List.of()).user().orElseThrow().values())
            .containsEntry("user.click_1h", 4.0);
        break;
      } catch (StoreUnavailableException e) {
        assertThat(Duration.ofNanos(System.nanoTime() - restarted))
            .as("reconnected within the longest reconnect delay and a margin")
            .isLessThan(RedisOnlineStore.MAX_RECONNECT_DELAY.plusSeconds(2));
        Thread.sleep(50);
      }
    }
  }
}
