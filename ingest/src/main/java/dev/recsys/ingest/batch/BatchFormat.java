package dev.recsys.ingest.batch;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The two body formats: a JSON array of objects (or one object), and NDJSON, one object per
 * line. A malformed JSON body is rejected whole, naming where; a malformed NDJSON line rejects
 * only that line, since lines are independent.
 */
public enum BatchFormat {
  JSON {
    @Override
    public List<BatchEntry> read(byte[] body, int maxEntries) {
      List<BatchEntry> entries = new ArrayList<>();
      try (JsonParser parser = MAPPER.createParser(body)) {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_OBJECT) {
          entries.add(BatchEntry.of(0, MAPPER.readTree(parser)));
        } else if (first == JsonToken.START_ARRAY) {
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            checkLimit(entries.size(), maxEntries);
            entries.add(BatchEntry.of(entries.size(), MAPPER.readTree(parser)));
          }
        } else {
          throw new MalformedBatchException(
              "malformed JSON at line 1: expected an array of "
                  + "event objects or one object, got " + (first == null ? "an empty body" : first),
              null);
        }
        if (parser.nextToken() != null) {
          throw new MalformedBatchException(
              "malformed JSON at " + where(parser.currentLocation())
                  + ": unexpected content after the end of the JSON value",
              null);
        }
      } catch (JsonProcessingException e) {
        throw new MalformedBatchException(
            "malformed JSON at " + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
      } catch (IOException e) {
        throw new MalformedBatchException("unreadable body: " + e.getMessage(), e);
      }
      return entries;
    }
  },
  NDJSON {
    @Override
    public List<BatchEntry> read(byte[] body, int maxEntries) {
      List<BatchEntry> entries = new ArrayList<>();
      String text = new String(body, StandardCharsets.UTF_8);
      int line = 0;
      for (String row : text.split("\n", -1)) {
        line++;
        if (row.isBlank()) {
          continue;
        }
        checkLimit(entries.size(), maxEntries);
        try {
          entries.add(BatchEntry.of(entries.size(), MAPPER.readTree(row)));
        } catch (JsonProcessingException e) {
          entries.add(BatchEntry.malformed(
              entries.size(),
              "malformed JSON on line " + line + column(e.getLocation()) + ": "
                  + e.getOriginalMessage()));
        }
      }
      return entries;
    }
  };

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads the entries of {@code body}, at most {@code maxEntries} of them. */
  public abstract List<BatchEntry> read(byte[] body, int maxEntries);

  private static void checkLimit(int size, int maxEntries) {
    if (size >= maxEntries) {
      throw new BatchTooLargeException(
          "a batch holds at most " + maxEntries + " entries; split it into smaller requests");
    }
  }

  /** {@code ", column N"}, or nothing when the parser gave no location (a nesting limit). */
  private static String column(JsonLocation location) {
    return location == null ? "" : ", column " + location.getColumnNr();
  }

  private static String where(JsonLocation location) {
    return location == null
        ? "an unknown position"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
