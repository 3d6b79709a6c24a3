package dev.recsys.features.intake;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.UserState;
import dev.recsys.schemas.CodecException;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.deadletter.DeadLetter;
import dev.recsys.schemas.validation.EventRules;
import dev.recsys.schemas.validation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decodes each raw event, checks it against the contract (judged at the record's timestamp, so a
 * replay judges alike) and refuses an event older than the partition's watermark minus the grace
 * period. The watermark is the latest event time accepted on the partition: refused records never
 * move it, so one record with a wild timestamp cannot make every later event late. Refused records
 * keep their bytes and carry the reason and their origin in dead-letter headers. Duplicates pass:
 * the user's state remembers its event ids and applies each once.
 */
public final class IntakeProcessor implements Processor<String, byte[], String, Intake> {
  /** partition → latest accepted event time. */
  public static final String WATERMARKS_STORE = "intake-watermarks";

  private final IntakePolicy policy;
  private final IntakeMetrics metrics;
  private ProcessorContext<String, Intake> context;
  private KeyValueStore<Integer, Long> watermarks;

  public IntakeProcessor(IntakePolicy policy, IntakeMetrics metrics) {
    this.policy = requireNonNull(policy, "policy");
    this.metrics = requireNonNull(metrics, "metrics");
  }

  @Override
  public void init(ProcessorContext<String, Intake> context) {
    this.context = context;
    this.watermarks = context.getStateStore(WATERMARKS_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    UserEvent event;
    try {
      event = Codecs.USER_EVENT.decode(record.value());
    } catch (CodecException e) {
      refuse(record, e.getMessage(), "$", RefusalReason.UNDECODABLE);
      return;
    }
    List<Violation> violations = EventRules.check(event, Instant.ofEpochMilli(record.timestamp()));
    if (!violations.isEmpty()) {
      refuse(
          record,
          violations.stream().map(Violation::toString).collect(Collectors.joining("; ")),
          violations.get(0).field(),
          RefusalReason.INVALID);
      return;
    }
    long time = event.getTimestamp().toEpochMilli();
    int partition = context.recordMetadata().orElseThrow().partition();
    Long watermark = watermarks.get(partition);
    if (watermark != null && time < watermark - policy.grace().toMillis()) {
      refuse(
          record,
          "late: event time " + event.getTimestamp() + " is more than "
              + policy.grace() + " behind the watermark " + Instant.ofEpochMilli(watermark)
              + " (the latest event time accepted on its partition); send each event within the "
              + "grace period of the newest on its partition",
          "timestamp",
          RefusalReason.LATE);
      return;
    }
    if (watermark == null || time > watermark) {
      watermarks.put(partition, time);
    }
    context.forward(record.withValue(new Intake.Accepted(event)));
  }

  private void refuse(
      Record<String, byte[]> record, String reason, String field, RefusalReason why) {
    RecordMetadata origin = context.recordMetadata().orElseThrow();
    DeadLetter letter = new DeadLetter(
        reason,
        field,
        origin.topic(),
        origin.partition(),
        origin.offset(),
        Instant.ofEpochMilli(context.currentSystemTimeMs()));
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    metrics.refused(why);
    context.forward(record
        .withValue(new Intake.Refused(record.value(), letter, why))
        .withHeaders(letter.writeTo(headers)));
  }

  /** How far behind stream time an event may be, and how long event ids are remembered. */
  public record IntakePolicy(Duration grace, Duration dedupeHorizon) {
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    public static final Duration DEFAULT_DEDUPE_HORIZON = UserState.DEFAULT_DEDUPE_HORIZON;
    public static final IntakePolicy DEFAULT =
        new IntakePolicy(DEFAULT_GRACE, DEFAULT_DEDUPE_HORIZON);

    public IntakePolicy {
      requireNonNull(grace, "features.grace");
      requireNonNull(dedupeHorizon, "features.dedupe-horizon");
      if (grace.isNegative() || dedupeHorizon.isNegative() || dedupeHorizon.isZero()) {
        throw new IllegalArgumentException(
            "features.grace must be >= 0 and " + "features.dedupe-horizon > 0");
      }
      if (dedupeHorizon.compareTo(grace) < 0) {
        throw new IllegalArgumentException("features.dedupe-horizon (" + dedupeHorizon
            + ") must be at least features.grace (" + grace + "): an event id has to be "
            + "remembered for as long as the event may still arrive; raise the horizon");
      }
    }
  }
}
