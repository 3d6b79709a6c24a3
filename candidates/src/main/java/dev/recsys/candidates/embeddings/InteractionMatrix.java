package dev.recsys.candidates.embeddings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sparse user x item weight matrix in compressed rows, kept both by user and by item. Repeated
 * (user, item) pairs add up. Users and items are numbered in order of first appearance.
 */
public final class InteractionMatrix {

  private final List<String> userIds;
  private final List<String> itemIds;
  private final Rows byUser;
  private final Rows byItem;

  /** Compressed rows: row r holds {@code columns[start[r] .. start[r+1])} with {@code weights}. */
  public record Rows(int[] start, int[] columns, float[] weights) {
    public int size(int row) {
      return start[row + 1] - start[row];
    }
  }

  private InteractionMatrix(List<String> userIds, List<String> itemIds, Rows byUser, Rows byItem) {
    this.userIds = userIds;
    this.itemIds = itemIds;
    this.byUser = byUser;
    this.byItem = byItem;
  }

  public static InteractionMatrix of(Collection<Interaction> interactions) {
    Map<String, Integer> users = new LinkedHashMap<>();
    Map<String, Integer> items = new LinkedHashMap<>();
    Map<Long, Float> cells = new HashMap<>();
    for (Interaction interaction : interactions) {
      int user = users.computeIfAbsent(interaction.userId(), id -> users.size());
      int item = items.computeIfAbsent(interaction.itemId(), id -> items.size());
      cells.merge(((long) user << 32) | item, interaction.weight(), Float::sum);
    }
    return new InteractionMatrix(
        List.copyOf(users.keySet()),
        List.copyOf(items.keySet()),
        rows(cells, users.size(), true),
        rows(cells, items.size(), false));
  }

  private static Rows rows(Map<Long, Float> cells, int rowCount, boolean byUser) {
    int[] start = new int[rowCount + 1];
    for (long key : cells.keySet()) {
      start[rowOf(key, byUser) + 1]++;
    }
    for (int r = 0; r < rowCount; r++) {
      start[r + 1] += start[r];
    }
    int[] fill = start.clone();
    int[] columns = new int[cells.size()];
    float[] weights = new float[cells.size()];
    for (Map.Entry<Long, Float> cell : cells.entrySet()) {
      int at = fill[rowOf(cell.getKey(), byUser)]++;
      columns[at] = rowOf(cell.getKey(), !byUser);
      weights[at] = cell.getValue();
    }
    return new Rows(start, columns, weights);
  }

  private static int rowOf(long key, boolean user) {
    return user ? (int) (key >>> 32) : (int) key;
  }

  public List<String> userIds() {
    return userIds;
  }

  public List<String> itemIds() {
    return itemIds;
  }

  public int nonZeros() {
    return byUser.columns().length;
  }

  /** Item ids a user interacted with. */
  public List<String> itemsOf(int user) {
    List<String> items = new ArrayList<>(byUser.size(user));
    for (int at = byUser.start()[user]; at < byUser.start()[user + 1]; at++) {
      items.add(itemIds.get(byUser.columns()[at]));
    }
    return items;
  }

  /** Rows are users (numbered as {@link #userIds()}), columns items. */
  public Rows byUser() {
    return byUser;
  }

  /** Rows are items (numbered as {@link #itemIds()}), columns users. */
  public Rows byItem() {
    return byItem;
  }
}
