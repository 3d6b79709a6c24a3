package dev.recsys.serving.rerank;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.schemas.avro.EventType;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Drops items the user viewed within {@code window} without doing anything else with them. */
record ExcludeSeen(Duration window) implements RerankRule {
  public static final String NAME = "exclude-seen";

  public ExcludeSeen {
    requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("exclude_seen.window must be positive, got " + window);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Slot> apply(List<Slot> slate, RerankContext context) {
    return RerankRule.without(slate, excludes(context));
  }

  @Override
  public Set<String> excludes(RerankContext context) {
    long since = context.now() - window.toMillis();
    Set<String> viewed = new HashSet<>();
    Set<String> acted = new HashSet<>();
    for (RecentInteraction r : context.recent()) {
      if (r.type() != EventType.VIEW) {
        acted.add(r.itemId());
      } else if (r.timestamp() >= since) {
        viewed.add(r.itemId());
      }
    }
    viewed.removeAll(acted);
    return viewed;
  }
}
