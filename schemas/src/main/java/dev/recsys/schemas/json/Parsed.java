package dev.recsys.schemas.json;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.validation.Violation;
import java.util.List;

/** The outcome of reading one JSON object: a value, or every reason it could not be read. */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Rejected {

  static <T> Parsed<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Parsed<T> rejected(List<Violation> violations) {
    return new Rejected<>(violations);
  }

  /** Read successfully. */
  record Ok<T>(T value) implements Parsed<T> {
    public Ok {
      requireNonNull(value, "value");
    }
  }

  /** Not readable; at least one violation. */
  record Rejected<T>(List<Violation> violations) implements Parsed<T> {
    public Rejected {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one violation");
      }
    }
  }
}
