package dev.recsys.schemas.validation;

import static java.util.Objects.requireNonNull;

/** One broken rule: the field (snake_case, as on the wire) and what is wrong with it. */
public record Violation(String field, String reason) {
  public Violation {
    requireNonNull(field, "field");
    requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
