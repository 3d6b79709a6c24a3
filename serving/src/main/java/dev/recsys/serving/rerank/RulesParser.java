package dev.recsys.serving.rerank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads rules from JSON, reporting every problem at once. Durations are ISO-8601
 * ({@code PT24H}, {@code P30D}). Example:
 *
 * <pre>{@code
 * {"exclude_unavailable": true, "exclude_seen": {"window": "PT24H"}, "exclude_touched": false,
 *  "repeat_purchases": {"allow_after": "P30D"},
 *  "boosts": {"fresh": {"within": "P7D", "factor": 1.2}, "categories": {"books": 1.1}},
 *  "diversity": {"lambda": 0.7}, "max_per_category": 3,
 *  "pinned": [{"item_id": "i1", "position": 0}]}
 * }</pre>
 *
 * <p>{@code "repeat_purchases": "exclude"} never shows bought items again; {@code
 * "exclude_touched": true} never shows any item of the user's recent interactions.
 */
public final class RulesParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KEYS = Set.of(
      "exclude_unavailable",
      "exclude_seen",
      "exclude_touched",
      "repeat_purchases",
      "boosts",
      "diversity",
      "max_per_category",
      "pinned");

  private final List<String> problems = new ArrayList<>();

  private RulesParser() {}

  /** @throws IllegalArgumentException listing every problem of {@code json} */
  public static RerankRules parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("rules are not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "rules must be a JSON object like {\"max_per_category\": 3}");
    }
    return new RulesParser().read(root);
  }

  private RerankRules read(JsonNode root) {
    root.fieldNames().forEachRemaining(key -> {
      if (!KEYS.contains(key)) {
        problems.add("unknown rule '" + key + "'; known: " + KEYS);
      }
    });
    List<RerankRule> rules = new ArrayList<>();
    if (root.path("exclude_unavailable").asBoolean(false)) {
      rules.add(new ExcludeUnavailable());
    }
    node(root, "exclude_seen")
        .ifPresent(n -> add(rules, () -> new ExcludeSeen(duration(n, "exclude_seen.window"))));
    if (root.path("exclude_touched").asBoolean(false)) {
      rules.add(new ExcludeTouched());
    }
    node(root, "repeat_purchases").ifPresent(n -> add(rules, () -> repeat(n)));
    JsonNode boosts = root.path("boosts");
    node(boosts, "fresh")
        .ifPresent(n -> add(
            rules,
            () -> new FreshBoost(
                duration(n, "boosts.fresh.within"), n.path("factor").asDouble(Double.NaN))));
    node(boosts, "categories").ifPresent(n -> add(rules, () -> new CategoryBoost(factors(n))));
    node(root, "diversity")
        .ifPresent(n -> add(rules, () -> new MmrDiversity(n.path("lambda").asDouble(Double.NaN))));
    node(root, "max_per_category").ifPresent(n -> add(rules, () -> new CategoryCap(n.asInt(0))));
    node(root, "pinned").ifPresent(n -> add(rules, () -> new PinnedSlots(pins(n))));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid rules: " + String.join("; ", problems));
    }
    return new RerankRules(rules);
  }

  private void add(List<RerankRule> rules, Supplier<RerankRule> rule) {
    try {
      rules.add(rule.get());
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(e.getMessage());
    }
  }

  private static Optional<JsonNode> node(JsonNode parent, String key) {
    JsonNode n = parent.path(key);
    return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n);
  }

  private static RepeatPurchases repeat(JsonNode n) {
    if (n.isTextual() && n.asText().equals("exclude")) {
      return RepeatPurchases.never();
    }
    return RepeatPurchases.after(duration(n, "repeat_purchases.allow_after"));
  }

  private static Duration duration(JsonNode parent, String key) {
    String field = key.substring(key.lastIndexOf('.') + 1);
    String text = parent.path(field).asText("");
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          key + " must be an ISO-8601 duration like PT24H, got '" + text + "'", e);
    }
  }

  private static Map<String, Double> factors(JsonNode n) {
    Map<String, Double> out = new HashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble(Double.NaN)));
    return out;
  }

  private static List<PinnedSlots.Pin> pins(JsonNode n) {
    List<PinnedSlots.Pin> pins = new ArrayList<>();
    for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
      JsonNode pin = it.next();
      pins.add(new PinnedSlots.Pin(
          pin.path("item_id").isTextual() ? pin.path("item_id").asText() : null,
          pin.path("position").asInt(-1)));
    }
    return pins;
  }
}
