package dev.recsys.serving;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hostile HTTP inputs for the fuzz test: bodies (random and invalid-UTF-8 bytes, deep nesting,
 * huge strings and numbers, NaN and infinities, duplicate keys, every field of a valid event
 * broken in turn) and path or query values. Seeded, so a failure repeats.
 */
final class HttpFuzz {
  private static final String EVENT =
      "{\"user_id\":\"u1\",\"item_id\":\"i01\",\"type\":\"click\",\"timestamp\":1793534400000}";
  private static final String ITEM = "{\"item_id\":\"i01\",\"category\":\"c1\",\"price\":9.5}";
  private static final List<String> FIELDS = List.of(
      "user_id",
      "item_id",
      "type",
      "timestamp",
      "value",
      "event_id",
      "session_id",
      "request_id",
      "context",
      "category",
      "tags",
      "price",
      "available");
  private static final List<String> VALUES = List.of(
      "null",
      "NaN",
      "Infinity",
      "-Infinity",
      "1e400",
      "-0",
      "123456789012345678901234567890",
      "\"\"",
      "\"" + "x".repeat(70_000) + "\"",
      "[]",
      "{}",
      "true",
      "\"\\u0000\"",
      "\"\\ud800\"",
      "{\"a\":{\"b\":[1,2,{}]}}",
      "[null]",
      "\"2026-13-45T99:00:00Z\"",
      "-1",
      "1.5");

  private final SplittableRandom random;

  HttpFuzz(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A hostile body for an events or items route. */
  byte[] body(boolean events) {
    String valid = events ? EVENT : ITEM;
    return switch (random.nextInt(9)) {
      case 0 -> bytes(random.nextInt(0, 400));
      case 1 -> concat("[" + valid + ",", new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "]");
      case 2 -> utf8("[".repeat(random.nextInt(500, 200_000)));
      case 3 -> utf8("{\"a\":".repeat(random.nextInt(500, 50_000)) + "1");
      case 4 -> utf8(valid.replace("}", ",\"" + field() + "\":" + value() + "}"));
      case 5 -> utf8(replaceValue(valid));
      case 6 -> utf8(valid.replace("{", "{\"user_id\":\"u2\",\"item_id\":\"i02\","));
      case 7 -> utf8(valid + "\n" + replaceValue(valid) + "\n\n" + value());
      default -> utf8("[" + value() + "," + replaceValue(valid) + "]");
    };
  }

  /** A hostile path segment or query value, percent-encoded as a client may send it. */
  String value() {
    return VALUES.get(random.nextInt(VALUES.size()));
  }

  String queryValue() {
    return switch (random.nextInt(6)) {
      case 0 -> "%FF%FE";
      case 1 -> "%00";
      case 2 -> "9".repeat(random.nextInt(1, 40));
      case 3 -> "-" + random.nextInt(1000);
      case 4 -> "NaN";
      default -> "a%20b%2C%E2%82%AC".repeat(random.nextInt(1, 300));
    };
  }

  String pathSegment() {
    return switch (random.nextInt(5)) {
      case 0 -> "%FF%FE";
      case 1 -> "u%00x";
      case 2 -> "x".repeat(random.nextInt(200, 2_000));
      case 3 -> "%E2%82%AC%20%22%3Cscript%3E";
      default -> "u" + random.nextInt(100);
    };
  }

  String contentType() {
    return List.of(
            "application/json",
            "application/x-ndjson",
            "application/json; charset=latin1",
            "text/plain",
            "application/json;;;")
        .get(random.nextInt(5));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private String field() {
    return FIELDS.get(random.nextInt(FIELDS.size()));
  }

  private String replaceValue(String json) {
    String field = field();
    String value = value();
    int at = json.indexOf("\"" + field + "\":");
    if (at < 0) {
      return json.replace("}", ",\"" + field + "\":" + value + "}");
    }
    int start = at + field.length() + 3;
    int end = json.indexOf(',', start);
    end = end < 0 ? json.indexOf('}', start) : end;
    return json.substring(0, start) + value + json.substring(end);
  }

  private byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(String a, byte[] b, String c) {
    byte[] x = utf8(a);
    byte[] z = utf8(c);
    byte[] out = new byte[x.length + b.length + z.length];
    System.arraycopy(x, 0, out, 0, x.length);
    System.arraycopy(b, 0, out, x.length, b.length);
    System.arraycopy(z, 0, out, x.length + b.length, z.length);
    return out;
  }
}
