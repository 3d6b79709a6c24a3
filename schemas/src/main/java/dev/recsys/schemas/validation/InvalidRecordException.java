package dev.recsys.schemas.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A record broke one or more contract rules; {@link #violations()} names each field. */
public final class InvalidRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Violation> violations;

  public InvalidRecordException(String what, List<Violation> violations) {
    super("invalid " + what + ": "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
