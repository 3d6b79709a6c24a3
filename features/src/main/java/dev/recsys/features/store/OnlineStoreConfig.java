package dev.recsys.features.store;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureSet;
import java.time.Duration;

/**
 * Where the online store lives and how long user vectors stay: a user unseen for {@code userTtl}
 * drops out of Redis (and gets the cold-start path). Items do not expire.
 */
public record OnlineStoreConfig(
    String redisUri, FeatureSet featureSet, Duration userTtl, Duration timeout) {
  public static final Duration DEFAULT_USER_TTL = Duration.ofDays(30);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public OnlineStoreConfig {
    requireNonNull(redisUri, "redis.uri");
    requireNonNull(featureSet, "features.set");
    requireNonNull(userTtl, "redis.user-ttl");
    requireNonNull(timeout, "redis.timeout");
    if (userTtl.isNegative() || userTtl.isZero()) {
      throw new IllegalArgumentException("redis.user-ttl must be positive, got " + userTtl);
    }
  }

  /**
   * {@code redis.uri} fit to log: a password ({@code redis://:secret@host}, {@code
   * rediss://user:secret@host}) shows as {@code ***}.
   */
  public String redactedUri() {
    return redact(redisUri);
  }

  public static String redact(String uri) {
    return uri.replaceFirst("^(rediss?(?:-socket)?://)([^@/]*)@", "$1***@");
  }

  public static OnlineStoreConfig of(String redisUri, FeatureSet featureSet) {
    return new OnlineStoreConfig(redisUri, featureSet, DEFAULT_USER_TTL, DEFAULT_TIMEOUT);
  }

  public OnlineStoreConfig withUserTtl(Duration ttl) {
    return new OnlineStoreConfig(redisUri, featureSet, ttl, timeout);
  }
}
