package dev.recsys.ingest;

/** Kafka did not acknowledge a record; it may not have been stored. Safe to retry. */
public final class PublishException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
