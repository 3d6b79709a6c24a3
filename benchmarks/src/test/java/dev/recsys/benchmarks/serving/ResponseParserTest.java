package dev.recsys.benchmarks.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseParserTest {

  private static final String SIZED = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      + "Content-Length: 11\r\n\r\n{\"items\":1}";
  private static final String CHUNKED = "HTTP/1.1 503 Service Unavailable\r\n"
      + "Transfer-Encoding: chunked\r\n\r\n4;ext=1\r\nabcd\r\nA\r\n0123456789\r\n"
      + "0\r\nX-T: 1\r\n\r\n";

  /** Feeds the response in pieces of {@code piece} bytes; returns the piece it completed in. */
  private static int completesAt(ResponseParser parser, String response, int piece) {
    byte[] bytes = response.getBytes(StandardCharsets.US_ASCII);
    for (int at = 0; at < bytes.length; at += piece) {
      ByteBuffer in = ByteBuffer.wrap(bytes, at, Math.min(piece, bytes.length - at));
      if (parser.feed(in)) {
        assertThat(in.hasRemaining()).as("bytes left after the response").isFalse();
        return at / piece;
      }
    }
    return -1;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 1000})
  void framesContentLengthAndChunkedBodiesWhateverTheReadSizes(int piece) {
    ResponseParser parser = new ResponseParser();
    int lastPiece = (SIZED.length() - 1) / piece;
    assertThat(completesAt(parser, SIZED, piece)).isEqualTo(lastPiece);
    assertThat(parser.status()).isEqualTo(200);

    parser.reset();
    assertThat(completesAt(parser, CHUNKED, piece)).isEqualTo((CHUNKED.length() - 1) / piece);
    assertThat(parser.status()).isEqualTo(503);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 1000})
  void keepsTheLastBytesOfTheBody(int piece) {
    ResponseParser parser = new ResponseParser();
    String body = "x".repeat(100) + "\"took_ms\":1,\"degraded\":[\"features\"]}";
    String response = "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    assertThat(completesAt(parser, response, piece)).isNotNegative();
    assertThat(parser.tail())
        .hasSize(ResponseParser.TAIL)
        .isEqualTo(body.substring(body.length() - ResponseParser.TAIL));

    parser.reset();
    assertThat(completesAt(parser, SIZED, piece)).isNotNegative();
    assertThat(parser.tail()).isEqualTo("{\"items\":1}");
    assertThat(RecommendLoad.degraded("...\"took_ms\":1,\"degraded\":[\"features\"]}"))
        .isTrue();
    assertThat(RecommendLoad.degraded("...\"took_ms\":1,\"degraded\":[]}")).isFalse();
    assertThat(RecommendLoad.degraded("{\"status\":400}")).isFalse();
  }

  @Test
  void leavesTheNextResponsesBytesUnread() {
    ResponseParser parser = new ResponseParser();
    ByteBuffer two = ByteBuffer.wrap((SIZED + SIZED).getBytes(StandardCharsets.US_ASCII));
    assertThat(parser.feed(two)).isTrue();
    assertThat(two.remaining()).isEqualTo(SIZED.length());
  }

  @Test
  void refusesAResponseWhoseEndCannotBeFound() {
    ResponseParser parser = new ResponseParser();
    ByteBuffer unframed = ByteBuffer.wrap(
        "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> parser.feed(unframed))
        .hasMessageContaining("neither Content-Length nor chunked");
    assertThatThrownBy(() -> new ResponseParser()
            .feed(ByteBuffer.wrap("SSH-2.0\r\n".getBytes(StandardCharsets.US_ASCII))))
        .hasMessageContaining("not an HTTP/1.x status line");
  }
}
