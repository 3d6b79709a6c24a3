package dev.recsys.ranking.scoring;

import dev.recsys.ranking.RankingException;

/** A model that does not honour its {@code model.json} or the caller's features; not loaded. */
public final class ModelContractException extends RankingException {
  private static final long serialVersionUID = 1L;

  public ModelContractException(String message) {
    super(message);
  }
}
