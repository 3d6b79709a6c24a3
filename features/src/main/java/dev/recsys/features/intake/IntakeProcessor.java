package dev.recsys.features.intake;

import static java.util.Objects.requireNonNull;

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
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Decodes each raw event, checks it against the contract (judged at the record's timestamp, so a
 * replay judges alike), drops an {@code event_id} seen within the de-duplication horizon, and
 * refuses an event older than the partition's watermark minus the grace period. The watermark is
 * the latest event time accepted on the partition: refused records never move it, so one record
 * with a wild timestamp cannot make every later event late. Refused records keep their bytes and
 * carry the reason and their origin in dead-letter headers.
 */
public final class IntakeProcessor implements Processor<String, byte[], String, Intake> {
  /** event_id → event time of the events seen, expiring after the horizon. */
  public static final String EVENT_IDS_STORE = "intake-event-ids";
  /** partition → latest accepted event time. */
  public static final String WATERMARKS_STORE = "intake-watermarks";
  private final IntakePolicy policy;
  private final IntakeMetrics metrics;
  private ProcessorContext<String, Intake> context;
  private WindowStore<String, Long> seen;
  private KeyValueStore<Integer, Long> watermarks;

  public IntakeProcessor(IntakePolicy policy, IntakeMetrics metrics) {
    this.policy = requireNonNull(policy, "policy");
    this.metrics = requireNonNull(metrics, "metrics");
  }

  @Override
  public void init(ProcessorContext<String, Intake> context) {
    this.context = context;
    this.seen = context.getStateStore(EVENT_IDS_STORE);
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
      refuse(record, violations.stream().map(Violation::toString)
          .collect(Collectors.joining("; ")), violations.get(0).field(), RefusalReason.INVALID);
      return;
    }
    long time = event.getTimestamp().toEpochMilli();
    if (alreadySeen(event.getEventId(), time)) {
      metrics.duplicate();
      return;
    }
    int partition = context.recordMetadata().orElseThrow().partition();
    Long watermark = watermarks.get(partition);
    if (watermark != null && time < watermark - policy.grace().toMillis()) {
      refuse(record, "late: event time " + event.getTimestamp() + " is more than "
          + policy.grace() + " behind the watermark " + Instant.ofEpochMilli(watermark)
          + "; raise features.grace to accept it", "timestamp", RefusalReason.LATE);
      return;
    }
    if (watermark == null || time > watermark) {
      watermarks.put(partition, time);
    }
    seen.put(event.getEventId(), time, time);
    context.forward(record.withValue(new Intake.Accepted(event)));
  }

  private boolean alreadySeen(String eventId, long time) {
    long horizon = policy.dedupeHorizon().toMillis();
    try (WindowStoreIterator<Long> hits = seen.fetch(eventId, time - horizon, time + horizon)) {
      return hits.hasNext();
    }
  }

  private void refuse(Record<String, byte[]> record, String reason, String field,
      RefusalReason why) {
    RecordMetadata origin = context.recordMetadata().orElseThrow();
    DeadLetter letter = new DeadLetter(reason, field, origin.topic(), origin.partition(),
        origin.offset(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    metrics.refused(why);
    context.forward(record.withValue(new Intake.Refused(record.value(), letter, why))
        .withHeaders(letter.writeTo(headers)));
  }

  /** How far behind stream time an event may be, and how long event ids are remembered. */
  public record IntakePolicy(Duration grace, Duration dedupeHorizon) {
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    public static final Duration DEFAULT_DEDUPE_HORIZON = Duration.ofDays(7);
    public static final IntakePolicy DEFAULT =
        new IntakePolicy(DEFAULT_GRACE, DEFAULT_DEDUPE_HORIZON);

    public IntakePolicy {
      requireNonNull(grace, "features.grace");
      requireNonNull(dedupeHorizon, "features.dedupe-horizon");
      if (grace.isNegative() || dedupeHorizon.isNegative() || dedupeHorizon.isZero()) {
        throw new IllegalArgumentException("features.grace must be >= 0 and "
            + "features.dedupe-horizon > 0");
      }
    }
  }
}
