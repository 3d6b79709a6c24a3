package dev.recsys.serving.recommend;

/** Where served responses go, to close the loop for labels. Must never block the caller. */
@FunctionalInterface
public interface ImpressionLog {
  /** Logs nothing. */
  ImpressionLog DISABLED = recommendation -> {};

  void log(Recommendation recommendation);
}
