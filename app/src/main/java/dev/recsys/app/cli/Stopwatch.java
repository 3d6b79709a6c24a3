package dev.recsys.app.cli;

/** Elapsed time for the console: since the last lap, and since the start. */
final class Stopwatch {
  private final long started = System.nanoTime();
  private long lap = started;

  String lap() {
    long now = System.nanoTime();
    String text = format(now - lap);
    lap = now;
    return text;
  }

  String total() {
    return format(System.nanoTime() - started);
  }

  private static String format(long nanos) {
    return String.format("%.1f s", nanos / 1e9);
  }
}
