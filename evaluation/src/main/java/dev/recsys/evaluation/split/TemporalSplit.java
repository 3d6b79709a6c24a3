package dev.recsys.evaluation.split;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Events cut at one moment: the training events before it, each user's items before it (their
 * history), and the target items each user with a history chose at or after it.
 *
 * @param at the cut, epoch milliseconds
 * @param end the newest event time seen, epoch milliseconds (the test period is [at, end])
 */
public record TemporalSplit(
    long at,
    long start,
    long end,
    List<Observation> training,
    Map<String, Set<String>> history,
    Map<String, Set<String>> after) {

  public TemporalSplit {
    training = List.copyOf(training);
    history = Map.copyOf(history);
    after = Map.copyOf(after);
  }

  /** Cuts the events at {@code at}; users without events before it are not part of the test. */
  public static TemporalSplit of(Collection<Observation> events, long at) {
    List<Observation> training = new ArrayList<>();
    Map<String, Set<String>> history = new HashMap<>();
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (Observation e : events) {
      start = Math.min(start, e.time());
      end = Math.max(end, e.time());
      if (e.time() < at) {
        training.add(e);
        history.computeIfAbsent(e.userId(), u -> new HashSet<>()).add(e.itemId());
      }
    }
    Map<String, Set<String>> after = new HashMap<>();
    for (Observation e : events) {
      if (e.time() >= at && e.target() && history.containsKey(e.userId())) {
        after.computeIfAbsent(e.userId(), u -> new HashSet<>()).add(e.itemId());
      }
    }
    if (training.isEmpty()) {
      throw new IllegalArgumentException("no events before the split at "
          + java.time.Instant.ofEpochMilli(at) + ": choose --at after the first event");
    }
    return new TemporalSplit(at, start, end, training, history, after);
  }

  /**
   * The validation split carved from the end of the training period: the same protocol on the
   * training events alone, cut {@code window} milliseconds before {@code at}.
   */
  public TemporalSplit validation(long window) {
    return of(training, at - window);
  }

  /**
   * The validation window: as long as the test period, but at most half the training period, so
   * that tuning has as much to learn from as it has to be judged on.
   */
  public long validationWindow() {
    return Math.max(1, Math.min(end + 1 - at, (at - start) / 2));
  }

  /** Users scored in a mode: those with history and at least one relevant item. */
  public Map<String, Set<String>> truth(SplitMode mode) {
    Map<String, Set<String>> truth = new HashMap<>();
    after.forEach((user, items) -> {
      Set<String> relevant = mode.truth(items, history.get(user));
      if (!relevant.isEmpty()) {
        truth.put(user, relevant);
      }
    });
    return truth;
  }

  /** Every item seen in training. */
  public Set<String> trainingItems() {
    Set<String> items = new HashSet<>();
    training.forEach(e -> items.add(e.itemId()));
    return items;
  }
}
