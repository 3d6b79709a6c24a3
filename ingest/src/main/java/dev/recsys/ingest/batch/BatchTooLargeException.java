package dev.recsys.ingest.batch;

/** A batch holds more entries or bytes than allowed; the message says the limit. */
public final class BatchTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BatchTooLargeException(String message) {
    super(message);
  }
}
