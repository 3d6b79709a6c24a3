package dev.recsys.schemas.deadletter;

import dev.recsys.schemas.validation.InvalidRecordException;
import dev.recsys.schemas.validation.Violation;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds the dead-letter record for a source record that failed, keeping its bytes as they were. */
public final class DeadLetters {
  private DeadLetters() {}

  /** The dead letter for {@code failure} of {@code source}, to be sent to {@code dlqTopic}. */
  public static ProducerRecord<byte[], byte[]> of(
      ConsumerRecord<byte[], byte[]> source, Throwable failure, Instant now, String dlqTopic) {
    DeadLetter letter = new DeadLetter(
        reason(failure), field(failure), source.topic(), source.partition(), source.offset(), now);
    RecordHeaders headers = new RecordHeaders(source.headers().toArray());
    Long timestamp = source.timestamp() < 0 ? null : source.timestamp();
    return new ProducerRecord<>(
        dlqTopic, null, timestamp, source.key(), source.value(), letter.writeTo(headers));
  }

  private static String reason(Throwable failure) {
    String message = failure.getMessage();
    return message == null ? failure.getClass().getSimpleName() : message;
  }

  private static String field(Throwable failure) {
    if (failure instanceof InvalidRecordException invalid) {
      List<Violation> violations = invalid.violations();
      return violations.isEmpty() ? "$" : violations.get(0).field();
    }
    return "$";
  }
}
