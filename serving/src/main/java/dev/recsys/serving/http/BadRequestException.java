package dev.recsys.serving.http;

/** A request parameter is wrong; answered with 400 and this message. */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(String message) {
    super(message);
  }
}
