package dev.recsys.ingest.generate;

/** Readable, zero-padded identifiers such as {@code u00017}, {@code i00042} or {@code c07}. */
final class Ids {

  private Ids() {}

  /** Digits needed to write {@code count - 1}, but at least {@code minWidth}. */
  static int width(long count, int minWidth) {
    return Math.max(minWidth, Long.toString(Math.max(0, count - 1)).length());
  }

  static String of(char prefix, long number, int width) {
    String digits = Long.toString(number);
    StringBuilder id = new StringBuilder(1 + Math.max(width, digits.length())).append(prefix);
    for (int i = digits.length(); i < width; i++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }
}
