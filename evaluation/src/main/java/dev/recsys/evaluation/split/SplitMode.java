package dev.recsys.evaluation.split;

import java.util.HashSet;
import java.util.Set;

/** Whether items a user had before the split count: the two questions a catalog can ask. */
public enum SplitMode {
  /** Items the user had before T are left out of both the list and the truth. */
  NEW_ITEMS("new items") {
    @Override
    public Set<String> truth(Set<String> after, Set<String> before) {
      Set<String> fresh = new HashSet<>(after);
      fresh.removeAll(before);
      return fresh;
    }

    @Override
    public Set<String> exclude(Set<String> before) {
      return before;
    }
  },
  /** Everything the user chose after T counts, bought again or not; nothing is left out. */
  REPEATS("repeats allowed") {
    @Override
    public Set<String> truth(Set<String> after, Set<String> before) {
      return after;
    }

    @Override
    public Set<String> exclude(Set<String> before) {
      return Set.of();
    }
  };

  private final String label;

  SplitMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The items that count as relevant for a user who chose {@code after} and had {@code before}. */
  public abstract Set<String> truth(Set<String> after, Set<String> before);

  /** The items a system must not recommend to a user who had {@code before}. */
  public abstract Set<String> exclude(Set<String> before);
}
