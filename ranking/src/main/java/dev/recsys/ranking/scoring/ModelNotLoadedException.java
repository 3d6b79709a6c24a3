package dev.recsys.ranking.scoring;

import dev.recsys.ranking.RankingException;

/** No model is loaded yet: the caller should fall back (e.g. to candidate order). */
public final class ModelNotLoadedException extends RankingException {
  private static final long serialVersionUID = 1L;

  public ModelNotLoadedException(String message) {
    super(message);
  }
}
