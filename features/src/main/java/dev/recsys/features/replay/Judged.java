package dev.recsys.features.replay;

import dev.recsys.features.intake.RefusalReason;
import dev.recsys.schemas.CodecException;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.validation.EventRules;
import java.time.Instant;

/**
 * One record of the events topic, decoded and checked against the event rules: the part of the
 * intake that needs no state, so it can run ahead of the merge on another thread.
 *
 * @param event the decoded event, or null when refused
 * @param refusal why the record is refused, or null when it passed
 */
record Judged(int partition, long offset, UserEvent event, RefusalReason refusal) {

  static Judged of(SourcedEvent record) {
    UserEvent event;
    try {
      event = Codecs.USER_EVENT.decode(record.value());
    } catch (CodecException e) {
      return new Judged(record.partition(), record.offset(), null, RefusalReason.UNDECODABLE);
    }
    if (!EventRules.check(event, Instant.ofEpochMilli(record.recordTimestamp())).isEmpty()) {
      return new Judged(record.partition(), record.offset(), null, RefusalReason.INVALID);
    }
    return new Judged(record.partition(), record.offset(), event, null);
  }
}
