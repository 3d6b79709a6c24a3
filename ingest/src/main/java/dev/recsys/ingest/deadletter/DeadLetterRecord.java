package dev.recsys.ingest.deadletter;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.deadletter.DeadLetter;
import java.nio.charset.StandardCharsets;

/** One record on the dead-letter topic: where it sits there, why it is there, and its bytes. */
public record DeadLetterRecord(
    int partition, long offset, long timestamp, DeadLetter letter, byte[] key, byte[] value) {
  private static final int PREVIEW = 60;

  public DeadLetterRecord {
    requireNonNull(letter, "letter");
  }

  /** The start of the value, printable characters only, for a human to recognise it. */
  public String preview() {
    if (value == null) {
      return "(null)";
    }
    String text = new String(value, 0, Math.min(value.length, PREVIEW), StandardCharsets.UTF_8);
    return text.replaceAll("[^\\p{Print}]", ".") + (value.length > PREVIEW ? "…" : "");
  }
}
