package dev.recsys.ingest.batch;

import static java.util.Objects.requireNonNull;

/** Entry {@code index} (zero-based, in request order) was not accepted because of {@code field}. */
public record Rejection(int index, String field, String reason) {
  public Rejection {
    requireNonNull(field, "field");
    requireNonNull(reason, "reason");
  }
}
