package dev.recsys.features.intake;

import java.util.Locale;

/** Why the intake refused a record; the low-cardinality tag of the dropped-records metric. */
public enum RefusalReason {
  UNDECODABLE,
  INVALID,
  LATE;

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
