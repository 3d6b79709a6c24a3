package dev.recsys.serving.http;

import java.util.List;

/** A request parameter is wrong; answered with 400, this message and every problem found. */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public BadRequestException(String message) {
    this(List.of(message));
  }

  public BadRequestException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
