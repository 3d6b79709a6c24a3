package dev.recsys.features.store;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.Trending;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The online store in Redis over lettuce. A write batch is one pipelined MULTI/EXEC: per entity
 * DEL, HSET of the whole vector and, for users, PEXPIRE, so a vector is replaced atomically and a
 * replayed batch changes nothing. A read sends every HGETALL before awaiting any: one round trip,
 * completed on lettuce's I/O thread for the async reads serving uses.
 */
public final class RedisOnlineStore implements OnlineStore {
  private static final int USER_SCAN_BATCH = 1_000;
  private static final Logger log = LoggerFactory.getLogger(RedisOnlineStore.class);
  /** The longest wait between attempts to reconnect to a Redis that went away. */
  static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> writer;
  private final StatefulRedisConnection<String, String> reader;
  private final RedisLayout layout;
  private final OnlineStoreConfig config;

  private RedisOnlineStore(RedisClient client, OnlineStoreConfig config) {
    this.client = client;
    this.config = config;
    this.layout = new RedisLayout(config.featureSet());
    this.writer = client.connect();
    this.writer.setAutoFlushCommands(false);
    this.reader = client.connect();
    this.reader.setTimeout(config.timeout());
  }

  /**
   * Connects to {@code config.redisUri()}; fails with a clear message if Redis is not there.
   *
   * <p>Once connected, a lost connection is retried at most {@link #MAX_RECONNECT_DELAY} apart (the
   * default backs off to 30 s, so a restarted Redis went unused for that long), and commands issued
   * while it is down fail at once instead of waiting in the client: a read answers degraded without
   * using up the request's deadline, and a write the writer has given up on cannot run later.
   */
  public static RedisOnlineStore connect(OnlineStoreConfig config) {
    ClientResources resources = ClientResources.builder()
        .reconnectDelay(
            Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
        .build();
    RedisClient client = RedisClient.create(resources, config.redisUri());
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .build());
    try {
      RedisOnlineStore store = new RedisOnlineStore(client, config);
      log.info(
          "online store on {} (namespace {}, user TTL {})",
          config.redactedUri(),
          config.featureSet().namespace(),
          config.userTtl());
      return store;
    } catch (RedisException e) {
      client.shutdown();
      resources.shutdown();
      throw new StoreUnavailableException(
          "cannot connect to Redis at " + config.redactedUri() + "; check redis.uri (REDIS_URI)",
          e);
    }
  }

  @Override
  public synchronized void write(List<FeatureVector> vectors) {
    if (vectors.isEmpty()) {
      return;
    }
    Map<String, FeatureVector> latest = new LinkedHashMap<>();
    vectors.forEach(v -> latest.put(layout.key(v.kind(), v.id()), v));
    RedisAsyncCommands<String, String> redis = writer.async();
    redis.multi();
    latest.forEach((key, vector) -> {
      redis.del(key);
      redis.hset(key, layout.fields(vector));
      if (vector.kind() == EntityKind.USER) {
        redis.pexpire(key, config.userTtl().toMillis());
      } else if (Trending.rank(vector) > Double.NEGATIVE_INFINITY) {
        redis.zadd(layout.trendingKey(), Trending.rank(vector), vector.id());
      }
    });
    RedisFuture<TransactionResult> exec = redis.exec();
    writer.flushCommands();
    await(exec.toCompletableFuture(), "write " + latest.size() + " feature vectors");
    if (exec.toCompletableFuture().join().wasDiscarded()) {
      throw new StoreUnavailableException("Redis discarded a feature write transaction", null);
    }
  }

  @Override
  public OnlineFeatures read(String userId, Collection<String> itemIds) {
    return await(
        readAsync(userId, itemIds),
        "read features of user " + userId + " and " + itemIds.size() + " items");
  }

  @Override
  public Map<String, FeatureVector> readItems(Collection<String> itemIds) {
    return await(readItemsAsync(itemIds), "read features of " + itemIds.size() + " items");
  }

  @Override
  public List<String> trending(int n) {
    return await(trendingAsync(n), "read the " + n + " most trending items");
  }

  /** Every HGETALL is sent before any answer is awaited: one round trip. */
  @Override
  public CompletableFuture<OnlineFeatures> readAsync(String userId, Collection<String> itemIds) {
    return send(() -> {
      RedisAsyncCommands<String, String> redis = reader.async();
      CompletableFuture<Map<String, String>> user =
          redis.hgetall(layout.key(EntityKind.USER, userId)).toCompletableFuture();
      return user.thenCombine(
          items(redis, itemIds),
          (fields, items) -> new OnlineFeatures(
              fields.isEmpty()
                  ? Optional.empty()
                  : Optional.of(layout.vector(EntityKind.USER, userId, fields)),
              items));
    });
  }

  @Override
  public CompletableFuture<Map<String, FeatureVector>> readItemsAsync(Collection<String> itemIds) {
    return send(() -> items(reader.async(), itemIds));
  }

  @Override
  public CompletableFuture<List<String>> trendingAsync(int n) {
    return send(
        () -> reader.async().zrevrange(layout.trendingKey(), 0, n - 1L).toCompletableFuture());
  }

  private CompletableFuture<Map<String, FeatureVector>> items(
      RedisAsyncCommands<String, String> redis, Collection<String> itemIds) {
    if (itemIds.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    Map<String, CompletableFuture<Map<String, String>>> items = new LinkedHashMap<>();
    for (String item : itemIds) {
      items.put(item, redis.hgetall(layout.key(EntityKind.ITEM, item)).toCompletableFuture());
    }
    return CompletableFuture.allOf(items.values().toArray(new CompletableFuture<?>[0]))
        .thenApply(done -> {
          Map<String, FeatureVector> vectors = new LinkedHashMap<>();
          items.forEach((item, future) -> {
            Map<String, String> fields = future.join();
            if (!fields.isEmpty()) {
              vectors.put(item, layout.vector(EntityKind.ITEM, item, fields));
            }
          });
          return vectors;
        });
  }

  /** The commands {@code send} issues, or their failure to be issued. */
  private static <T> CompletableFuture<T> send(Supplier<CompletableFuture<T>> send) {
    try {
      return send.get();
    } catch (RedisException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void forEachUserId(Consumer<String> action) {
    scanUserIds(action, () -> false);
  }

  /** Scans only until {@code n} users are found. */
  @Override
  public List<String> someUserIds(int n) {
    List<String> ids = new ArrayList<>();
    scanUserIds(
        id -> {
          if (ids.size() < n) {
            ids.add(id);
          }
        },
        () -> ids.size() >= n);
    return ids;
  }

  private void scanUserIds(Consumer<String> action, BooleanSupplier enough) {
    String prefix = layout.key(EntityKind.USER, "");
    ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(USER_SCAN_BATCH);
    try {
      KeyScanCursor<String> cursor = reader.sync().scan(match);
      while (true) {
        cursor.getKeys().forEach(key -> action.accept(key.substring(prefix.length())));
        if (cursor.isFinished() || enough.getAsBoolean()) {
          return;
        }
        cursor = reader.sync().scan(cursor, match);
      }
    } catch (RedisException e) {
      throw new StoreUnavailableException("Redis failed to list users: " + e.getMessage(), e);
    }
  }

  private <T> T await(CompletableFuture<T> answer, String what) {
    Duration timeout = config.timeout();
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new StoreUnavailableException(
          "Redis did not answer within " + timeout + " to " + what, e);
    } catch (ExecutionException e) {
      throw new StoreUnavailableException(
          "Redis failed to " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for Redis to " + what, e);
    }
  }

  @Override
  public void close() {
    writer.close();
    reader.close();
    client.shutdown();
    client.getResources().shutdown();
  }
}
