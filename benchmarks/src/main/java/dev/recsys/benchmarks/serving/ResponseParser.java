package dev.recsys.benchmarks.serving;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Finds where one HTTP/1.1 response ends in the bytes of a keep-alive connection, fed as they
 * arrive: the status, then a body framed by {@code Content-Length} or chunked encoding. The body
 * is skipped, not kept, but for its last {@value #TAIL} bytes: a load generator needs to know the
 * response is whole, and what its end says (a JSON answer's last field).
 */
final class ResponseParser {
  private static final int MAX_LINE = 8_192;
  static final int TAIL = 64;

  private enum State {
    STATUS,
    HEADERS,
    BODY,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILERS,
    DONE
  }

  private final StringBuilder line = new StringBuilder();
  private State state = State.STATUS;
  private int status;
  private long remaining;
  private boolean chunked;
  private boolean sized;
  private final byte[] tail = new byte[TAIL];
  private long bodyBytes;

  /** Forgets the last response; call before the next one. */
  void reset() {
    line.setLength(0);
    state = State.STATUS;
    status = 0;
    remaining = 0;
    chunked = false;
    sized = false;
    bodyBytes = 0;
  }

  /**
   * Consumes bytes of the current response from {@code in}; returns true once it is complete,
   * leaving any bytes after it in {@code in}.
   *
   * @throws IllegalStateException if the bytes are not an HTTP/1.1 response this parser frames
   */
  boolean feed(ByteBuffer in) {
    while (in.hasRemaining() && state != State.DONE) {
      switch (state) {
        case BODY, CHUNK_DATA -> skipBody(in);
        default -> {
          if (readLine(in)) {
            onLine(line.toString());
            line.setLength(0);
          }
        }
      }
    }
    return state == State.DONE;
  }

  int status() {
    return status;
  }

  /** The last (up to) {@value #TAIL} bytes of the body, as Latin-1. */
  String tail() {
    int n = (int) Math.min(TAIL, bodyBytes);
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      chars[i] = (char) (tail[(int) ((bodyBytes - n + i) % TAIL)] & 0xff);
    }
    return new String(chars);
  }

  private void skipBody(ByteBuffer in) {
    int n = (int) Math.min(remaining, in.remaining());
    for (int i = Math.max(0, n - TAIL); i < n; i++) {
      tail[(int) ((bodyBytes + i) % TAIL)] = in.get(in.position() + i);
    }
    bodyBytes += n;
    in.position(in.position() + n);
    remaining -= n;
    if (remaining == 0) {
      state = state == State.BODY ? State.DONE : State.CHUNK_END;
    }
  }

  /** Appends bytes up to a CRLF; true when the line is complete (without the CRLF). */
  private boolean readLine(ByteBuffer in) {
    while (in.hasRemaining()) {
      char c = (char) (in.get() & 0xff);
      if (c == '\n') {
        int last = line.length() - 1;
        if (last >= 0 && line.charAt(last) == '\r') {
          line.setLength(last);
        }
        return true;
      }
      if (line.length() >= MAX_LINE) {
        throw new IllegalStateException("response line longer than " + MAX_LINE + " bytes");
      }
      line.append(c);
    }
    return false;
  }

  private void onLine(String text) {
    switch (state) {
      case STATUS -> {
        if (!text.startsWith("HTTP/1.") || text.length() < 12) {
          throw new IllegalStateException("not an HTTP/1.x status line: '" + text + "'");
        }
        status = Integer.parseInt(text.substring(9, 12));
        state = State.HEADERS;
      }
      case HEADERS -> header(text);
      case CHUNK_SIZE -> {
        int extension = text.indexOf(';');
        String size = extension < 0 ? text : text.substring(0, extension);
        remaining = Long.parseLong(size.trim(), 16);
        state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
      }
      case CHUNK_END -> {
        if (!text.isEmpty()) {
          throw new IllegalStateException("chunk not followed by CRLF");
        }
        state = State.CHUNK_SIZE;
      }
      case TRAILERS -> {
        if (text.isEmpty()) {
          state = State.DONE;
        }
      }
      default -> throw new IllegalStateException("unexpected line in state " + state);
    }
  }

  private void header(String text) {
    if (text.isEmpty()) {
      if (chunked) {
        state = State.CHUNK_SIZE;
      } else if (sized) {
        state = remaining == 0 ? State.DONE : State.BODY;
      } else if (status == 204 || status == 304 || status / 100 == 1) {
        state = State.DONE;
      } else {
        throw new IllegalStateException("response " + status + " has neither Content-Length nor"
            + " chunked encoding; a keep-alive load generator cannot find its end");
      }
      return;
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      return;
    }
    String name = text.substring(0, colon).trim();
    String value = text.substring(colon + 1).trim();
    if (name.equalsIgnoreCase("Content-Length")) {
      remaining = Long.parseLong(value);
      sized = true;
    } else if (name.equalsIgnoreCase("Transfer-Encoding")
        && value.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
      chunked = true;
    }
  }

  /** The request bytes of a GET with keep-alive. */
  static ByteBuffer get(String host, String pathAndQuery) {
    return ByteBuffer.wrap(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host
            + "\r\nAccept: application/json\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
  }
}
