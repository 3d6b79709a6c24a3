package dev.recsys.ingest.generate;

/**
 * The simulated period {@code [start, end)} in epoch milliseconds, cut into days counted from the
 * start.
 */
record Period(long start, long end) {

  static final long DAY_MS = 86_400_000L;

  static Period of(GeneratorParams params) {
    return new Period(params.start().toEpochMilli(), params.end().toEpochMilli());
  }

  long dayStart(int day) {
    return start + day * DAY_MS;
  }

  long length() {
    return end - start;
  }
}
