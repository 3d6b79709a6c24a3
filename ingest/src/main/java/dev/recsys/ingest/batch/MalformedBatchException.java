package dev.recsys.ingest.batch;

/** The body is not valid JSON; the message names the line and column. */
public final class MalformedBatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedBatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
