package dev.recsys.features.intake;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.deadletter.DeadLetter;

/** What the intake made of one raw record on the events topic. */
public sealed interface Intake permits Intake.Accepted, Intake.Refused {

  /** A valid, new, timely event. */
  record Accepted(UserEvent event) implements Intake {
    public Accepted {
      requireNonNull(event, "event");
    }
  }

  /** A record that goes to the dead-letter topic, bytes unchanged, for {@code reason}. */
  record Refused(byte[] raw, DeadLetter letter, RefusalReason reason) implements Intake {
    public Refused {
      requireNonNull(letter, "letter");
      requireNonNull(reason, "reason");
    }
  }
}
