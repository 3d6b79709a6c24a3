package dev.recsys.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.embedded.EmbeddedRuntime;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

@ExtendWith(EmbeddedRuntimeExtension.class)
class EmbeddedRuntimeExtensionIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final EmbeddedRuntime runtime;

  EmbeddedRuntimeExtensionIT(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  @Test
  void shouldInjectTheKafkaOfTheConstructorsRuntime(EmbeddedKafka kafka, TestInfo testInfo)
      throws Exception {
    assertThat(kafka).isSameAs(runtime.kafka());

    String topic = TestNames.safeUniqueTestName(testInfo);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
          .contains(topic);
    }
  }

  @Test
  void shouldInjectTheRedisOfTheConstructorsRuntime(EmbeddedRedis redis) {
    assertThat(redis).isSameAs(runtime.redis());

    RedisClient client = RedisClient.create(redis.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      assertThat(connection.sync().ping()).isEqualTo("PONG");
    } finally {
      client.shutdown();
    }
  }

  @Test
  void shouldShareOneRuntimeAcrossTheClassAndCloseItAfterwards() {
    SharedRuntimeSample.SEEN.clear();

    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(SharedRuntimeSample.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(SharedRuntimeSample.SEEN).hasSize(1);
    EmbeddedRuntime closed = SharedRuntimeSample.SEEN.iterator().next();
    assertThat(closed).isNotSameAs(runtime);
    assertThat(closed.redis().isRunning()).isFalse();
    assertThat(closed.kafka().dataDir()).doesNotExist();
  }

  /** Run only through EngineTestKit above: failsafe skips nested classes. */
  @ExtendWith(EmbeddedRuntimeExtension.class)
  static class SharedRuntimeSample {

    static final Set<EmbeddedRuntime> SEEN = ConcurrentHashMap.newKeySet();

    private final EmbeddedRuntime runtime;

    SharedRuntimeSample(EmbeddedRuntime runtime) {
      this.runtime = runtime;
    }

    @Test
    void first() {
      SEEN.add(runtime);
    }

    @Test
    void second(EmbeddedRuntime injected) {
      assertThat(injected).isSameAs(runtime);
      SEEN.add(injected);
    }
  }
}
