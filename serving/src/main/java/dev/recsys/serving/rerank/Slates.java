package dev.recsys.serving.rerank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/** Small operations on a slate shared by the rules. */
final class Slates {
  private static final Comparator<Slot> BY_SCORE =
      Comparator.comparingDouble(Slot::score).reversed();

  private Slates() {}

  /** Applies {@code change} to each slot and re-sorts by score, stable for equal scores. */
  static List<Slot> rescore(List<Slot> slate, UnaryOperator<Slot> change) {
    List<Slot> out = new ArrayList<>(slate.size());
    boolean changed = false;
    for (Slot slot : slate) {
      Slot next = change.apply(slot);
      changed |= next != slot;
      out.add(next);
    }
    if (changed) {
      out.sort(BY_SCORE);
    }
    return changed ? List.copyOf(out) : slate;
  }

  static void requireFactor(String key, double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException(key + " must be a positive finite factor, got " + factor);
    }
  }
}
