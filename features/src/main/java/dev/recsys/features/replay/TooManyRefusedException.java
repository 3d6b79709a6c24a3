package dev.recsys.features.replay;

/** A replay saw more events refused than {@link RefusalLimit} allows; the message says why. */
public final class TooManyRefusedException extends IllegalStateException {
  public TooManyRefusedException(String message) {
    super(message);
  }
}
