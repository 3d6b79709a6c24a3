package dev.recsys.features.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** Counts what the intake refused (by reason) and the duplicate events the user states dropped. */
public final class IntakeMetrics {
  public static final String DROPPED = "recsys.features.dropped.records";
  public static final String DUPLICATES = "recsys.features.duplicate.events";
  private final Map<RefusalReason, Counter> dropped = new EnumMap<>(RefusalReason.class);
  private final Counter duplicates;

  public IntakeMetrics(MeterRegistry registry) {
    for (RefusalReason reason : RefusalReason.values()) {
      dropped.put(
          reason,
          Counter.builder(DROPPED)
              .tag("reason", reason.tag())
              .description("records sent to the dead-letter topic")
              .register(registry));
    }
    duplicates = Counter.builder(DUPLICATES)
        .description("events dropped because their event_id was already seen")
        .register(registry);
  }

  void refused(RefusalReason reason) {
    dropped.get(reason).increment();
  }

  public void duplicate() {
    duplicates.increment();
  }
}
