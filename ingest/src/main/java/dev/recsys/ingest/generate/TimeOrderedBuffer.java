package dev.recsys.ingest.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds simulated interactions until nothing simulated later can precede them, then releases them
 * in time order. Ties keep the order they were added in, so the output is deterministic.
 */
final class TimeOrderedBuffer {

  private static final Comparator<Interaction> BY_TIME = Comparator.comparingLong(Interaction::at);

  private final List<Interaction> pending = new ArrayList<>();

  void add(Interaction interaction) {
    pending.add(interaction);
  }

  /**
   * Releases every pending interaction before {@code watermark}; anything added afterwards must not
   * be earlier.
   */
  void releaseBefore(long watermark, Consumer<Interaction> out) {
    pending.sort(BY_TIME);
    int released = 0;
    while (released < pending.size() && pending.get(released).at() < watermark) {
      out.accept(pending.get(released++));
    }
    pending.subList(0, released).clear();
  }
}
