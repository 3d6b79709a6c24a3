package dev.recsys.ranking.scoring;

import dev.recsys.ranking.RankingException;

/** A model run or load failed in ONNX Runtime; the cause is kept. */
public final class ScoringException extends RankingException {
  private static final long serialVersionUID = 1L;

  public ScoringException(String message, Throwable cause) {
    super(message, cause);
  }
}
