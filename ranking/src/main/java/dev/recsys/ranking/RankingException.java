package dev.recsys.ranking;

/** Base of every unchecked failure in ranking; messages say what to do next. */
public class RankingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RankingException(String message) {
    super(message);
  }

  public RankingException(String message, Throwable cause) {
    super(message, cause);
  }
}
