package dev.recsys.features.definition;

import dev.recsys.schemas.avro.EventType;
import java.time.Duration;

/** How much each kind of interaction says about interest, and how fast that fades. */
final class Weights {
  /** Category affinity halves every week without new interest. */
  static final Duration AFFINITY_HALF_LIFE = Duration.ofDays(7);
  /** Trending halves every day. */
  static final Duration TRENDING_HALF_LIFE = Duration.ofHours(24);

  private static final double NEUTRAL_RATING = 2.5;

  private Weights() {}

  /** Interest signalled by one interaction; negative for dislikes and removals. */
  static double interest(EventType type, double value) {
    return switch (type) {
      case VIEW -> 1;
      case CLICK -> 2;
      case SHARE, BOOKMARK -> 3;
      case ADD_TO_CART, LIKE -> 4;
      case PURCHASE -> 8;
      case RATING -> value - NEUTRAL_RATING;
      case REMOVE_FROM_CART -> -2;
      case DISLIKE -> -4;
      case UNKNOWN -> 0;
    };
  }
}
