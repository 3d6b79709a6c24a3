package dev.recsys.serving.recommend;

import java.util.List;

/** Whether serving can answer well, and if not, what is missing (each with what to do). */
public record Readiness(List<String> missing) {
  public Readiness {
    missing = List.copyOf(missing);
  }

  public boolean ready() {
    return missing.isEmpty();
  }
}
