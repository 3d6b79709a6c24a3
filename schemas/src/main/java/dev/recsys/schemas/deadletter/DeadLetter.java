package dev.recsys.schemas.deadletter;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Why a record was dead-lettered and where it came from, carried in the record's headers so the
 * original key and value stay untouched and can be re-driven once the cause is fixed.
 *
 * @param reason what is wrong, in words that say what to fix
 * @param field the offending field (snake_case), or {@code "$"} when the whole record is bad
 * @param sourceTopic the topic the record was read from
 * @param sourcePartition its partition there
 * @param sourceOffset its offset there
 * @param failedAt when it was dead-lettered
 */
public record DeadLetter(
    String reason,
    String field,
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    Instant failedAt) {

  public static final String REASON = "recsys.dlq.reason";
  public static final String FIELD = "recsys.dlq.field";
  public static final String TOPIC = "recsys.dlq.topic";
  public static final String PARTITION = "recsys.dlq.partition";
  public static final String OFFSET = "recsys.dlq.offset";
  public static final String FAILED_AT = "recsys.dlq.failed-at";

  public DeadLetter {
    requireNonNull(reason, "reason");
    requireNonNull(field, "field");
    requireNonNull(sourceTopic, "sourceTopic");
    requireNonNull(failedAt, "failedAt");
  }

  /** Adds this dead letter's headers to {@code headers}, replacing older dead-letter headers. */
  public Headers writeTo(Headers headers) {
    put(headers, REASON, reason);
    put(headers, FIELD, field);
    put(headers, TOPIC, sourceTopic);
    put(headers, PARTITION, Integer.toString(sourcePartition));
    put(headers, OFFSET, Long.toString(sourceOffset));
    put(headers, FAILED_AT, failedAt.toString());
    return headers;
  }

  /** Reads the dead letter from a record's headers; empty when they carry none. */
  public static Optional<DeadLetter> readFrom(Headers headers) {
    String reason = get(headers, REASON);
    if (reason == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new DeadLetter(
          reason,
          orElse(get(headers, FIELD), "$"),
          orElse(get(headers, TOPIC), "?"),
          Integer.parseInt(orElse(get(headers, PARTITION), "-1")),
          Long.parseLong(orElse(get(headers, OFFSET), "-1")),
          Instant.parse(orElse(get(headers, FAILED_AT), Instant.EPOCH.toString()))));
    } catch (RuntimeException e) {
      return Optional.of(new DeadLetter(reason, "$", "?", -1, -1, Instant.EPOCH));
    }
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String get(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
