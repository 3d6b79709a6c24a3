package dev.recsys.serving.recommend;

/** What can degrade; the names appear in responses and as metric tags. */
final class Degraded {
  /** The online store failed or was slow: features are treated as missing. */
  public static final String FEATURES = "features";
  /** The trending list came from the local cache of the last good one. */
  public static final String TRENDING = "trending";
  /** The ranker failed, has no model, or no time was left: items are in candidate order. */
  public static final String RANKER = "ranker";
  /** A candidate source failed; the full name is {@code candidates:SOURCE}. */
  public static final String CANDIDATES_PREFIX = "candidates:";

  private Degraded() {}
}
