package dev.recsys.ingest.batch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a batch: its position and either the JSON object or, for a line of NDJSON that
 * was not valid JSON, why it could not be parsed.
 */
public record BatchEntry(int index, JsonNode node, String malformed) {
  public static BatchEntry of(int index, JsonNode node) {
    return new BatchEntry(index, node, null);
  }

  public static BatchEntry malformed(int index, String reason) {
    return new BatchEntry(index, null, reason);
  }
}
