package dev.recsys.candidates.source;

import static java.util.Objects.requireNonNull;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.ItemFilter;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Factories for the standard sources. */
public final class CandidateSources {

  public static final Duration DEFAULT_HALF_LIFE = Duration.ofHours(24);
  public static final int DEFAULT_SEED_ITEMS = 5;

  private CandidateSources() {}

  /**
   * ANN search with the user's vector built from their decayed recent items; nothing for a cold
   * user.
   */
  public static CandidateSource annByUser(AnnIndex index, Duration halfLife) {
    return new AnnUserSource(requireNonNull(index, "index"), positive(halfLife));
  }

  /** Neighbours of the {@code seedItems} newest recent items, merged by best similarity. */
  public static CandidateSource itemToItem(AnnIndex index, int seedItems) {
    if (seedItems <= 0) {
      throw new IllegalArgumentException("seedItems must be > 0, got " + seedItems);
    }
    return new ItemToItemSource(requireNonNull(index, "index"), seedItems);
  }

  /**
   * Items from a ranked list read on every request (popular or trending: the cold-start fallback),
   * skipping excluded items and those {@code available} rejects, e.g. {@code index::contains}.
   */
  public static CandidateSource popular(Supplier<List<String>> ranking, ItemFilter available) {
    return new RankedListSource("popular", ranking, available);
  }

  /** Newly added items, newest first, from a list read on every request. */
  public static CandidateSource newItems(Supplier<List<String>> newestFirst, ItemFilter available) {
    return new RankedListSource("new", newestFirst, available);
  }

  private static Duration positive(Duration halfLife) {
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("halfLife must be positive, got " + halfLife);
    }
    return halfLife;
  }
}
