package dev.recsys.features.pair;

import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.schemas.avro.EventType;
import java.util.List;

/**
 * A user's taste as one unit vector in the embedding space: the sum of their recent items' unit
 * vectors, each weighted by how much its kind of touch says ({@link #weight}), normalized. Its
 * cosine with a candidate's vector is the pair feature {@code pair_taste_similarity}.
 */
public final class Taste {

  private Taste() {}

  /** How much a kind of touch says about taste; 0 for negative signals, which are skipped. */
  public static float weight(EventType type) {
    return switch (type) {
      case PURCHASE -> 4f;
      case ADD_TO_CART -> 3f;
      case CLICK, LIKE, BOOKMARK, SHARE, RATING -> 2f;
      case DISLIKE, REMOVE_FROM_CART -> 0f;
      default -> 1f;
    };
  }

  /** The user's taste vector, or null when none of their recent items has a vector. */
  static float[] of(List<RecentInteraction> recent, ItemVectors vectors) {
    double[] sum = null;
    for (RecentInteraction touch : recent) {
      float weight = weight(touch.type());
      float[] vector = weight > 0 ? vectors.vector(touch.itemId()) : null;
      double norm = vector == null ? 0 : norm(vector);
      if (norm == 0) {
        continue;
      }
      if (sum == null) {
        sum = new double[vector.length];
      } else if (sum.length != vector.length) {
        throw new IllegalArgumentException("item '" + touch.itemId() + "' has a vector of "
            + vector.length + " dimensions, others have " + sum.length);
      }
      for (int i = 0; i < sum.length; i++) {
        sum[i] += weight * vector[i] / norm;
      }
    }
    if (sum == null) {
      return null;
    }
    double norm = 0;
    for (double x : sum) {
      norm += x * x;
    }
    if (norm == 0) {
      return null;
    }
    float[] taste = new float[sum.length];
    double scale = 1 / Math.sqrt(norm);
    for (int i = 0; i < sum.length; i++) {
      taste[i] = (float) (sum[i] * scale);
    }
    return taste;
  }

  /** The cosine of the taste with the item's vector; 0 when either is missing or zero. */
  static double similarity(float[] taste, float[] item) {
    if (taste == null || item == null || item.length != taste.length) {
      return 0;
    }
    double dot = 0;
    for (int i = 0; i < item.length; i++) {
      dot += (double) taste[i] * item[i];
    }
    double norm = norm(item);
    return norm == 0 ? 0 : dot / norm;
  }

  private static double norm(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    return Math.sqrt(sum);
  }
}
