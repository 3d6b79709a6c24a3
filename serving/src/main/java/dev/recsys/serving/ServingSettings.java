package dev.recsys.serving;

import static java.util.Objects.requireNonNull;

import dev.recsys.serving.recommend.RecommendConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code recsys serve} builds the recommendation path.
 *
 * @param indexDir {@code serving.index-dir}: an index written by {@code recsys build-index};
 *     without it, ANN sources are off and {@code /readyz} says so
 * @param rulesFile {@code serving.rules}: re-ranking rules (JSON), reloaded when it changes;
 *     without it, the default rules apply
 * @param deadline {@code serving.deadline}: every request answers within this
 * @param impressionBuffer {@code serving.impression-buffer}: impressions waiting for Kafka
 *     beyond this are dropped (and counted)
 * @param modelPoll how often the promoted model pointer is checked
 * @param rulesPoll how often the rules file's modification time is checked
 * @param itemCacheTtl {@code serving.item-cache-ttl}: how stale kept item vectors may be while
 *     the feature-log feed that keeps them fresh is behind or cut off (0: no cache, no feed)
 * @param warmUpRequests {@code serving.warm-up-requests}: requests run through the pipeline
 *     before {@code /readyz} turns ready
 */
public record ServingSettings(
    Optional<Path> indexDir,
    Optional<Path> rulesFile,
    Duration deadline,
    int impressionBuffer,
    Duration modelPoll,
    Duration rulesPoll,
    Duration itemCacheTtl,
    int warmUpRequests) {
  public static final int DEFAULT_IMPRESSION_BUFFER = 10_000;
  public static final Duration DEFAULT_MODEL_POLL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_RULES_POLL = Duration.ofSeconds(2);
  /** Item vectors may be this stale; users are always read fresh. */
  public static final Duration DEFAULT_ITEM_CACHE_TTL = Duration.ofSeconds(1);
  /** Enough for C2 to compile the request path on 2 cores (docs/BENCHMARKS.md). */
  public static final int DEFAULT_WARM_UP_REQUESTS = 3_000;

  public static final ServingSettings DEFAULT = new ServingSettings(
      Optional.empty(),
      Optional.empty(),
      RecommendConfig.DEFAULT_DEADLINE,
      DEFAULT_IMPRESSION_BUFFER,
      DEFAULT_MODEL_POLL,
      DEFAULT_RULES_POLL,
      DEFAULT_ITEM_CACHE_TTL,
      DEFAULT_WARM_UP_REQUESTS);

  public ServingSettings {
    requireNonNull(indexDir, "serving.index-dir");
    requireNonNull(rulesFile, "serving.rules");
    requireNonNull(deadline, "serving.deadline");
    requireNonNull(modelPoll, "modelPoll");
    requireNonNull(rulesPoll, "rulesPoll");
    requireNonNull(itemCacheTtl, "serving.item-cache-ttl");
    if (itemCacheTtl.isNegative()) {
      throw new IllegalArgumentException(
          "serving.item-cache-ttl must be >= 0 (0 turns the cache " + "off), got " + itemCacheTtl);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("serving.deadline must be positive, got " + deadline);
    }
    if (warmUpRequests < 1) {
      throw new IllegalArgumentException(
          "serving.warm-up-requests must be >= 1, got " + warmUpRequests);
    }
    if (impressionBuffer < 1) {
      throw new IllegalArgumentException(
          "serving.impression-buffer must be >= 1, got " + impressionBuffer);
    }
  }

  public ServingSettings withIndexDir(Path dir) {
    return new ServingSettings(
        Optional.of(dir),
        rulesFile,
        deadline,
        impressionBuffer,
        modelPoll,
        rulesPoll,
        itemCacheTtl,
        warmUpRequests);
  }

  public ServingSettings withItemCacheTtl(Duration ttl) {
    return new ServingSettings(
        indexDir, rulesFile, deadline, impressionBuffer, modelPoll, rulesPoll, ttl, warmUpRequests);
  }

  public ServingSettings withRulesFile(Path file) {
    return new ServingSettings(
        indexDir,
        Optional.of(file),
        deadline,
        impressionBuffer,
        modelPoll,
        rulesPoll,
        itemCacheTtl,
        warmUpRequests);
  }

  public ServingSettings withDeadline(Duration value) {
    return new ServingSettings(
        indexDir,
        rulesFile,
        value,
        impressionBuffer,
        modelPoll,
        rulesPoll,
        itemCacheTtl,
        warmUpRequests);
  }

  public ServingSettings withPolls(Duration models, Duration rules) {
    return new ServingSettings(
        indexDir,
        rulesFile,
        deadline,
        impressionBuffer,
        models,
        rules,
        itemCacheTtl,
        warmUpRequests);
  }

  /**
   * {@code 100ms}, {@code 2s}, {@code 30m}, {@code 1h}, {@code 7d}, a bare number of milliseconds,
   * or ISO-8601 ({@code PT0.1S}).
   */
  public static Duration parseDuration(String text) {
    String t = text.trim();
    if (t.matches("\\d+")) {
      return Duration.ofMillis(Long.parseLong(t));
    }
    if (t.matches("\\d+ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    if (t.matches("\\d+[smhd]")) {
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    return Duration.parse(t);
  }
}
