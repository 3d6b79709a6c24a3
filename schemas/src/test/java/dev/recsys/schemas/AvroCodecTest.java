package dev.recsys.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ImpressionItem;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AvroCodecTest {
  private static final Instant T = Instant.parse("2021-06-01T00:00:01Z");

  @Test
  void shouldRoundTripEveryContractType() {
    UserEvent event = new UserEvent(
        "e1", "u1", "i1", EventType.CLICK, 1.0, T, null, Map.of("device", "ios"), "r1");
    ItemUpdate item = new ItemUpdate("i1", "books", List.of("new"), 9.5, true, T, T, Map.of());
    Impression impression =
        new Impression("r1", "u1", List.of(new ImpressionItem("i1", 0, 0.9f)), "ranker-1", T);

    assertThat(Codecs.USER_EVENT.decode(Codecs.USER_EVENT.encode(event))).isEqualTo(event);
    assertThat(Codecs.ITEM_UPDATE.decode(Codecs.ITEM_UPDATE.encode(item))).isEqualTo(item);
    assertThat(Codecs.IMPRESSION.decode(Codecs.IMPRESSION.encode(impression)))
        .isEqualTo(impression);
  }

  @Test
  void shouldStartEveryPayloadWithTheSingleObjectMarkerAndFingerprint() {
    byte[] bytes = Codecs.USER_EVENT.encode(
        new UserEvent("e1", "u1", "i1", EventType.VIEW, 1.0, T, null, Map.of(), null));
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(bytes.length).isGreaterThan(10);
  }

  @Test
  void shouldExplainWhyGarbageCannotBeDecoded() {
    assertThatThrownBy(
            () -> Codecs.USER_EVENT.decode("{\"user_id\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("not Avro single-object encoding");
    assertThatThrownBy(() -> Codecs.USER_EVENT.decode(new byte[0]))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("empty payload");
  }

  @Test
  void shouldNameTheMissingSchemaWhenTheFingerprintIsUnknown() {
    byte[] bytes = Codecs.ITEM_UPDATE.encode(
        new ItemUpdate("i1", null, List.of(), null, true, T, T, Map.of()));
    assertThatThrownBy(() -> Codecs.USER_EVENT.decode(bytes))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("unknown writer schema fingerprint "
            + Codecs.ITEM_UPDATE.versions().get(0).fingerprintHex() + " for UserEvent")
        .hasMessageContaining("known: "
            + Codecs.USER_EVENT.versions().stream()
                .map(SchemaVersion::describe)
                .collect(Collectors.joining(", ")));
  }

  @Test
  void shouldKnowEveryReleasedVersionWithItsFingerprintAndOneCurrent() {
    for (AvroCodec<?> codec : Codecs.ALL) {
      assertThat(codec.versions()).as(codec.type().getSimpleName()).isNotEmpty();
      assertThat(codec.versions().stream().filter(SchemaVersion::current))
          .as("the current version of %s", codec.type().getSimpleName())
          .hasSize(1);
      byte[] header = codec.header();
      long fingerprint = 0;
      for (int i = 0; i < 8; i++) {
        fingerprint |= (header[2 + i] & 0xFFL) << (8 * i);
      }
      SchemaVersion current =
          codec.versions().stream().filter(SchemaVersion::current).findFirst().orElseThrow();
      assertThat(current.fingerprint()).isEqualTo(fingerprint);
    }
    // The value python-avro 1.11 gets wrong (it keeps timestamp-millis as {"type":"long"}).
    assertThat(Codecs.USER_EVENT.versions().get(1).describe())
        .isEqualTo("UserEvent v2 0xb758efb06b047f59 (current)");
  }

  @Test
  void shouldRefuseAClaimedLengthOverTheLimitBeforeAllocatingIt() {
    byte[] header = Codecs.USER_EVENT.header();
    // The event id claims 1.5 GB (zig-zag varint), the payload has one byte of it. Avro's own
    // limit (2 GiB) would let it allocate that first; MAX_CLAIMED_LENGTH refuses it.
    byte[] bytes = Arrays.copyOf(header, header.length + 6);
    byte[] claim = {(byte) 0x80, (byte) 0xDE, (byte) 0xE0, (byte) 0x96, 0x0B, 'a'};
    System.arraycopy(claim, 0, bytes, header.length, claim.length);
    assertThatThrownBy(() -> Codecs.USER_EVENT.decode(bytes))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("corrupt UserEvent payload")
        .hasMessageContaining("String length 1500256128 exceeds maximum allowed");
  }

  @Test
  void shouldRejectATruncatedPayload() {
    byte[] bytes = Codecs.USER_EVENT.encode(
        new UserEvent("e1", "u1", "i1", EventType.VIEW, 1.0, T, "s1", Map.of(), null));
    assertThatThrownBy(() -> Codecs.USER_EVENT.decode(Arrays.copyOf(bytes, 14)))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("corrupt UserEvent payload");
  }
}
