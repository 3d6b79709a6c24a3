package dev.recsys.features.definition;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.avro.EventType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How much each event type says about a user liking an item, for implicit-feedback training.
 * Types without a weight are ignored.
 */
public record EventWeights(Map<EventType, Float> weights) {
  public static final EventWeights DEFAULT = new EventWeights(Map.of(
      EventType.VIEW,
      1f,
      EventType.CLICK,
      4f,
      EventType.ADD_TO_CART,
      6f,
      EventType.PURCHASE,
      10f,
      EventType.RATING,
      3f));

  public EventWeights {
    requireNonNull(weights, "weights");
    weights.forEach((type, w) -> {
      if (!(w > 0)) {
        throw new IllegalArgumentException("the weight of " + type + " must be > 0, got " + w);
      }
    });
    weights = Map.copyOf(weights);
  }

  /** {@code view=1,click=4,purchase=10}. */
  public static EventWeights parse(String text) {
    Map<EventType, Float> weights = new EnumMap<>(EventType.class);
    for (String pair : text.split(",")) {
      String[] parts = pair.trim().split("=");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "weights must look like view=1,click=4; got '" + pair + "'");
      }
      try {
        weights.put(
            EventType.valueOf(parts[0].trim().toUpperCase(Locale.ROOT)),
            Float.parseFloat(parts[1].trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'" + pair + "' is not a known event type and a "
                + "number; types are view, click, add_to_cart, purchase, rating",
            e);
      }
    }
    return new EventWeights(weights);
  }

  /** The weight of a type, or 0 when it is ignored. */
  public float of(EventType type) {
    return weights.getOrDefault(type, 0f);
  }
}
