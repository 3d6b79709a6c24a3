package dev.recsys.benchmarks.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repeat policies a catalog chooses from on validation, as serving rules files: the serving
 * defaults (bought items never again, items only viewed in the last day dropped), buy it again
 * (bought items proposed again at once by the buy-again source, ranked with the rest), and
 * nothing recently touched shown again (a film rated is not rated twice).
 */
enum RepeatPolicy {
  DEFAULT(
      "defaults",
      "{\"exclude_unavailable\": true, \"exclude_seen\": {\"window\": \"PT24H\"},"
          + " \"repeat_purchases\": \"exclude\"}"),
  BUY_AGAIN(
      "buy again",
      "{\"exclude_unavailable\": true, \"exclude_seen\": {\"window\": "
          + "\"PT24H\"}, \"repeat_purchases\": {\"allow_after\": \"PT0S\"}}"),
  EXCLUDE_TOUCHED(
      "nothing touched again",
      "{\"exclude_unavailable\": true, "
          + "\"exclude_touched\": true, \"repeat_purchases\": \"exclude\"}");

  private final String label;
  private final String json;

  RepeatPolicy(String label, String json) {
    this.label = label;
    this.json = json;
  }

  String label() {
    return label;
  }

  String fileName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".json";
  }

  /** Writes the rules file into {@code dir}; returns it. */
  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(fileName()), json);
  }
}
