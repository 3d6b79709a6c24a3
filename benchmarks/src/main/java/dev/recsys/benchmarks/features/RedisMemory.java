package dev.recsys.benchmarks.features;

import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.Interaction;
import dev.recsys.features.definition.UserState;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.schemas.avro.EventType;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Redis memory per user vector: writes {@code --users} vectors built by the real feature code
 * from {@code --events} random interactions each (12 categories, the demo's funnel mix) and
 * reads {@code used_memory} before and after.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.recsys.benchmarks.features.RedisMemory \
 *     --users 200000 --events 45
 * </pre>
 */
@Command(name = "redis-memory", mixinStandardHelpOptions = true)
public final class RedisMemory implements Callable<Integer> {
  private static final EventType[] MIX = {
    EventType.VIEW,
    EventType.VIEW,
    EventType.VIEW,
    EventType.VIEW,
    EventType.VIEW,
    EventType.VIEW,
    EventType.CLICK,
    EventType.CLICK,
    EventType.ADD_TO_CART,
    EventType.PURCHASE
  };
  private static final int BATCH = 2_000;

  @Option(names = "--users", description = "User vectors (default: ${DEFAULT-VALUE}).")
  private int users = 200_000;

  @Option(names = "--events", description = "Interactions per user (default: ${DEFAULT-VALUE}).")
  private int events = 45;

  public static void main(String[] args) {
    System.exit(new CommandLine(new RedisMemory()).execute(args));
  }

  @Override
  public Integer call() {
    SplittableRandom random = new SplittableRandom(42);
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        RedisOnlineStore store =
            RedisOnlineStore.connect(OnlineStoreConfig.of(redis.uri(), FeatureSet.CORE_V1))) {
      long before = usedMemory(redis.uri());
      List<FeatureVector> batch = new ArrayList<>(BATCH);
      int fields = 0;
      for (int u = 0; u < users; u++) {
        FeatureVector vector = vector("u" + u, random);
        fields = vector.values().size();
        batch.add(vector);
        if (batch.size() == BATCH) {
          store.write(batch);
          batch.clear();
        }
      }
      store.write(batch);
      long after = usedMemory(redis.uri());
      double perUser = (double) (after - before) / users;
      System.out.printf(
          "users=%d events_per_user=%d features_per_user=%d bytes_per_user=%.0f "
              + "gib_per_million_users=%.2f%n",
          users, events, fields, perUser, perUser * 1_000_000 / (1L << 30));
    }
    return 0;
  }

  private FeatureVector vector(String user, SplittableRandom random) {
    UserState state = new UserState();
    long t = 1_790_000_000_000L;
    for (int e = 0; e < events; e++) {
      t += random.nextLong(1_000, 3_600_000);
      int item = random.nextInt(10_000);
      state.apply(new Interaction(
          user + e,
          user,
          "i" + item,
          MIX[random.nextInt(MIX.length)],
          1.0,
          t,
          "s" + e / 8,
          "c" + item % 12));
    }
    return state.features(user);
  }

  private static long usedMemory(String uri) {
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      for (String line : connection.sync().info("memory").split("\r?\n")) {
        if (line.startsWith("used_memory:")) {
          return Long.parseLong(line.substring("used_memory:".length()).trim());
        }
      }
      throw new IllegalStateException("INFO memory has no used_memory");
    } finally {
      client.shutdown();
    }
  }
}
