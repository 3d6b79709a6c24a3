package dev.recsys.evaluation.baselines;

import dev.recsys.candidates.embeddings.Interaction;
import dev.recsys.candidates.embeddings.InteractionMatrix;
import dev.recsys.evaluation.split.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A split's training events as a user x item matrix (weights summed per pair), with the lookups
 * every baseline needs and each item's rank by id, which breaks score ties.
 */
public final class TrainingData {
  private final InteractionMatrix matrix;
  private final Map<String, Integer> users = new HashMap<>();
  private final Map<String, Integer> items = new HashMap<>();
  private final int[] idRank;

  private TrainingData(InteractionMatrix matrix) {
    this.matrix = matrix;
    for (int u = 0; u < matrix.userIds().size(); u++) {
      users.put(matrix.userIds().get(u), u);
    }
    List<String> ids = matrix.itemIds();
    for (int i = 0; i < ids.size(); i++) {
      items.put(ids.get(i), i);
    }
    Integer[] order = new Integer[ids.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparing(ids::get));
    idRank = new int[ids.size()];
    for (int r = 0; r < order.length; r++) {
      idRank[order[r]] = r;
    }
  }

  /** The observations with a positive weight; the others are history only. */
  public static TrainingData of(Collection<Observation> observations) {
    List<Interaction> interactions = new ArrayList<>();
    for (Observation o : observations) {
      if (o.weight() > 0) {
        interactions.add(new Interaction(o.userId(), o.itemId(), o.weight()));
      }
    }
    return new TrainingData(InteractionMatrix.of(interactions));
  }

  public InteractionMatrix matrix() {
    return matrix;
  }

  public int itemCount() {
    return matrix.itemIds().size();
  }

  /** The user's row, or -1 when the user has no training signal. */
  public int user(String userId) {
    return users.getOrDefault(userId, -1);
  }

  /** The item's column, or -1 when no training event names it. */
  public int item(String itemId) {
    return items.getOrDefault(itemId, -1);
  }

  public String itemId(int item) {
    return matrix.itemIds().get(item);
  }

  /** Position of the item's id in id order: of two equal scores, the lower rank comes first. */
  int idRank(int item) {
    return idRank[item];
  }
}
