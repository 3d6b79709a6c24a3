package dev.recsys.features.store;

/** The online store could not be reached or did not answer in time; callers may degrade. */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
