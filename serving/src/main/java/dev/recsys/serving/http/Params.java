package dev.recsys.serving.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.Optional;

/** Reads and checks request parameters; a bad one becomes a 400 naming it. */
public final class Params {
  static final int MAX_ID_LENGTH = 256;

  private Params() {}

  /** A path parameter that names a user or item: 1–256 characters, no control characters. */
  public static String id(HttpServerExchange exchange, String name) {
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    String value =
        Optional.ofNullable(match).map(m -> m.getParameters().get(name)).orElse("");
    if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
      throw new BadRequestException(
          name + " must be 1 to " + MAX_ID_LENGTH + " characters, got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new BadRequestException(name + " must not contain control characters");
      }
    }
    return value;
  }
}
