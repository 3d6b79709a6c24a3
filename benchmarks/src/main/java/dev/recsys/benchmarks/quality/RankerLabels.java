package dev.recsys.benchmarks.quality;

import java.util.List;

/**
 * Which interactions the ranker learns from, chosen per mode on validation beside the repeat
 * policy: first touches only (replay's default; the ranker learns what a user will discover) or
 * every interaction (repeats labelled too, so it learns how likely a user is to come back to an
 * item they already have).
 */
enum RankerLabels {
  FIRST_TOUCHES("first touches", "--novel-only"),
  EVERY_INTERACTION("every interaction", "--no-novel-only");

  private final String label;
  private final String replayFlag;

  RankerLabels(String label, String replayFlag) {
    this.label = label;
    this.replayFlag = replayFlag;
  }

  String label() {
    return label;
  }

  /** The {@code recsys replay} flag that labels this way. */
  List<String> replayArgs() {
    return List.of(replayFlag);
  }

  /** A folder name for this ranker's training set and registry. */
  String dirName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
