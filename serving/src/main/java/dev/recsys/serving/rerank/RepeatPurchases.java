package dev.recsys.serving.rerank;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.schemas.avro.EventType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to do with items the user bought: never show them again ({@code allowAfter} empty), or
 * show them again once {@code allowAfter} has passed since the last purchase. Those items are also
 * what the "buy it again" candidate source proposes ({@link #buyAgain}).
 */
public record RepeatPurchases(Optional<Duration> allowAfter) implements RerankRule {
  public static final String NAME = "repeat-purchases";

  public RepeatPurchases {
    requireNonNull(allowAfter, "allowAfter");
    allowAfter.filter(d -> d.isNegative()).ifPresent(d -> {
      throw new IllegalArgumentException("repeat_purchases.allow_after must be >= 0, got " + d);
    });
  }

  public static RepeatPurchases never() {
    return new RepeatPurchases(Optional.empty());
  }

  public static RepeatPurchases after(Duration interval) {
    return new RepeatPurchases(Optional.of(interval));
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
    return lastPurchases(context).entrySet().stream()
        .filter(e -> !allowed(e.getValue(), context.now()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** Items bought long enough ago to be offered again, the most recently bought first. */
  public List<String> buyAgain(RerankContext context) {
    return lastPurchases(context).entrySet().stream()
        .filter(e -> allowed(e.getValue(), context.now()))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(Map.Entry::getKey)
        .toList();
  }

  private boolean allowed(long purchasedAt, long now) {
    return allowAfter.map(d -> now - purchasedAt >= d.toMillis()).orElse(false);
  }

  private static Map<String, Long> lastPurchases(RerankContext context) {
    Map<String, Long> last = new HashMap<>();
    for (RecentInteraction r : context.recent()) {
      if (r.type() == EventType.PURCHASE) {
        last.merge(r.itemId(), r.timestamp(), Math::max);
      }
    }
    return last;
  }
}
