package dev.recsys.serving.rerank;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules in force, applied in this order: filters, boosts, diversity, category cap, pins;
 * the slate is then cut to k.
 */
public record RerankRules(List<RerankRule> rules) {
  /** No rules: the ranker's order, cut to k. */
  public static final RerankRules NONE = new RerankRules(List.of());
  /** What serving uses without a rules file: drop unavailable, seen-without-acting and bought items. */
  public static final RerankRules DEFAULT = new RerankRules(List.of(
      new ExcludeUnavailable(), new ExcludeSeen(Duration.ofHours(24)), RepeatPurchases.never()));

  public RerankRules {
    rules = List.copyOf(requireNonNull(rules, "rules"));
  }

  /** The slate after every rule, at most k items. */
  public List<Slot> apply(List<Slot> slate, RerankContext context) {
    List<Slot> current = slate;
    for (RerankRule rule : rules) {
      current = rule.apply(current, context);
    }
    return current.size() <= context.k() ? current : current.subList(0, context.k());
  }

  /** Every item some filter would drop anyway: candidate sources need not propose them. */
  public Set<String> excludes(RerankContext context) {
    Set<String> all = new HashSet<>();
    rules.forEach(rule -> all.addAll(rule.excludes(context)));
    return all;
  }

  /** The repeat-purchase policy, if one is configured (it drives the buy-again source). */
  public Optional<RepeatPurchases> repeatPurchases() {
    return rules.stream()
        .filter(RepeatPurchases.class::isInstance)
        .map(RepeatPurchases.class::cast)
        .findFirst();
  }

  public List<String> names() {
    return rules.stream().map(RerankRule::name).toList();
  }
}
