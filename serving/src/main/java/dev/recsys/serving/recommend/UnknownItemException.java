package dev.recsys.serving.recommend;

/** The item is not in the index (never embedded, or removed as unavailable); answered with 404. */
public final class UnknownItemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownItemException(String message) {
    super(message);
  }
}
